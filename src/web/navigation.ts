// The service navigation: which sections a role sees, and which one is current.
import type { CurrentUser } from '../access/current-user.ts';
import { type Action, can } from '../access/permissions.ts';

interface Section {
  href: string;
  text: string;
  needs: Action;
}

const sections: Section[] = [
  { href: '/overview', text: 'Performance overview', needs: 'value.read' },
  { href: '/measures', text: 'Measure library', needs: 'measure.read' },
  { href: '/my-returns', text: 'My returns', needs: 'value.write' },
  { href: '/my-measures', text: 'Enter data', needs: 'value.write' },
  { href: '/uploads', text: 'Upload figures', needs: 'value.write' },
  { href: '/approvals', text: 'Figures awaiting you', needs: 'value.transition' },
  { href: '/data-quality', text: 'Data quality', needs: 'quality.read' },
  { href: '/reports', text: 'Reports', needs: 'report.read' },
  { href: '/report-sets', text: 'Report sets', needs: 'report.read' },
  { href: '/benchmarks', text: 'Benchmarking', needs: 'benchmark.read' },
  { href: '/inspections', text: 'Inspections', needs: 'assurance.read' },
  { href: '/actions', text: 'Improvement actions', needs: 'assurance.read' },
  { href: '/statutory-returns', text: 'Statutory returns', needs: 'assurance.read' },
  { href: '/structure', text: 'Strategy and structure', needs: 'structure.read' },
  { href: '/audit', text: 'Audit log', needs: 'audit.read' },
];

export function navigationFor(
  user: CurrentUser | null,
  url: string,
): { href: string; text: string; active: boolean }[] {
  if (!user) return [];
  return sections
    .filter((s) => can(user, s.needs))
    .map((s) => ({
      href: s.href,
      text: s.text,
      active: url === s.href || url.startsWith(`${s.href}/`) || url.startsWith(`${s.href}?`),
    }));
}
