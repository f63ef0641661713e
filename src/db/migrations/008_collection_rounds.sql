-- Collection rounds: a period whose figures the performance team is collecting, by a deadline, and the e-mails
-- sent for it. The reminders themselves are pg-boss jobs (its own schema); reminders_sent makes each e-mail go
-- once per round, kind and person even when a job is retried.

CREATE TABLE collection_rounds (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id     bigint NOT NULL REFERENCES councils(id),
  period         text NOT NULL,
  period_start   date NOT NULL,
  period_end     date NOT NULL,
  deadline       date NOT NULL,
  reminder_days  integer NOT NULL DEFAULT 3 CHECK (reminder_days BETWEEN 0 AND 60),
  opened_by      bigint REFERENCES users(id),
  opened_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (council_id, period)
);

CREATE TABLE round_reminders_sent (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  council_id    bigint NOT NULL REFERENCES councils(id),
  round_id      bigint NOT NULL REFERENCES collection_rounds(id) ON DELETE CASCADE,
  kind          text NOT NULL CHECK (kind IN ('opened', 'due_soon', 'late')),
  user_id       bigint NOT NULL REFERENCES users(id),
  email         text NOT NULL,
  measures      integer NOT NULL,
  sent_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (round_id, kind, user_id)
);
