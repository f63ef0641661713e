// The inspectorates' frameworks as the register uses them: each with its own ordered judgement scales and the areas
// it judges. Grades are only ever read against their own framework's scale.
import type { Db } from '../../db/connection.ts';

export interface Framework {
  code: string;
  inspectorate: string;
  name: string;
  /** null when the framework gives no overall judgement (Ofsted's report cards). */
  overallScale: string | null;
  comparability: string;
  /** Each scale's judgements, best first. */
  scales: Map<string, string[]>;
  areas: { area: string; scale: string; position: number }[];
}

export async function loadFrameworks(db: Db): Promise<Framework[]> {
  const [frameworks, points, areas] = await Promise.all([
    db.selectFrom('inspection_frameworks').selectAll().orderBy('position').execute(),
    db.selectFrom('inspection_scale_points').selectAll().orderBy('framework_code').orderBy('rank').execute(),
    db.selectFrom('inspection_framework_areas').selectAll().orderBy('position').execute(),
  ]);
  return frameworks.map((f) => {
    const scales = new Map<string, string[]>();
    for (const p of points.filter((p) => p.framework_code === f.code))
      scales.set(p.scale, [...(scales.get(p.scale) ?? []), p.judgement]);
    return {
      code: f.code,
      inspectorate: f.inspectorate,
      name: f.name,
      overallScale: f.overall_scale,
      comparability: f.comparability,
      scales,
      areas: areas
        .filter((a) => a.framework_code === f.code)
        .map((a) => ({ area: a.area, scale: a.scale, position: a.position })),
    };
  });
}

export const inspectorates = (frameworks: Framework[]): string[] => [
  ...new Set(frameworks.map((f) => f.inspectorate)),
];
