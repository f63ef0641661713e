// A progress bar on stderr for long CLI work (cli-progress): redrawn in place on a terminal, and on a pipe or in a
// log a line every few seconds, so a script's output is not flooded. stdout stays for the results.
import { SingleBar } from 'cli-progress';

const PHASE_WORDS = {
  checking: 'Checking rows  ',
  writing: 'Writing figures',
  reporting: 'Building report',
  loading: 'Loading rows   ',
} as const;
type Phase = keyof typeof PHASE_WORDS;

export interface Progress {
  update(phase: Phase, done: number, total: number): void;
  stop(): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  let bar: SingleBar | null = null;
  let current: Phase | null = null;
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  return {
    update(phase, done, total) {
      if (phase !== current) {
        stop();
        current = phase;
        bar = new SingleBar({
          stream,
          format: `${PHASE_WORDS[phase]} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
          noTTYOutput: true,
          notTTYSchedule: 5000,
          hideCursor: true,
          barsize: 30,
        });
        bar.start(total, done);
        return;
      }
      bar?.update(done);
    },
    stop() {
      if (bar && current) bar.update(bar.getTotal());
      stop();
    },
  };
}
