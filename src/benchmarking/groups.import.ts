// Reading peer groups from the files sources publish, by profile: the Oflog nearest-neighbours JSON (authority →
// its neighbours, itself first), the LGBF family groups, a CIPFA nearest-neighbours list (area_code, area_name),
// and the regions and authority types in the Oflog measures file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/connection.ts';
import { ValidationError } from '../web/errors.ts';
import { openRecords, type FileRecord } from './file-records.ts';
import { saveGroups, type AreaInput, type PeerGroupInput } from './groups.service.ts';
import { scottishCouncilCode } from './scottish-councils.ts';

export const groupProfiles = [
  'oflog-nearest-neighbours',
  'lgbf-family-groups',
  'cipfa-nearest-neighbours',
  'oflog-areas',
] as const;
export type GroupProfile = (typeof groupProfiles)[number];

export interface GroupFile {
  groups: PeerGroupInput[];
  areas: AreaInput[];
}

/** The name of an authority's nearest-neighbours group, as the API and CLI take it. */
export function nearestNeighboursName(code: string): string {
  return `Nearest neighbours of ${code}`;
}

/** Pure: the Oflog JSON's lists, each a group; an authority with only itself listed has no group. */
export function oflogNeighbours(json: unknown): PeerGroupInput[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw ValidationError.field(
      'file',
      'The nearest-neighbours file must be a JSON object of code → list of codes',
    );
  return Object.entries(json as Record<string, unknown>).flatMap(([code, list]) => {
    if (!Array.isArray(list) || !list.every((c) => typeof c === 'string'))
      throw ValidationError.field(code, `the neighbours of ${code} must be a list of GSS codes`);
    if (list.length < 2) return [];
    return [
      {
        name: nearestNeighboursName(code),
        kind: 'nearest-neighbours' as const,
        source: 'oflog',
        members: list as string[],
      },
    ];
  });
}

async function recordsWithHeader(
  file: string,
  needed: string[],
): Promise<{ header: string[]; rows: FileRecord[] }> {
  let header: string[] | null = null;
  const rows: FileRecord[] = [];
  for await (const record of (await openRecords(file)).records) {
    if (header === null) {
      header = record.cells.map((h) => h.replace(/^\uFEFF/, '').trim());
      for (const column of needed)
        if (!header.includes(column))
          throw ValidationError.field(`row 1, column ${column}`, `no column '${column}' in the header row`);
    } else if (record.cells.some((c) => c.trim() !== '')) rows.push(record);
  }
  return { header: header ?? [], rows };
}

function cellOf(header: string[], record: FileRecord) {
  return (column: string) => (record.cells[header.indexOf(column)] ?? '').trim();
}

export async function readGroupFile(file: string, profile: GroupProfile, name?: string): Promise<GroupFile> {
  switch (profile) {
    case 'oflog-nearest-neighbours': {
      let json: unknown;
      try {
        json = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        throw ValidationError.field('file', `The file is not JSON: ${(error as Error).message}`);
      }
      return { groups: oflogNeighbours(json), areas: [] };
    }
    case 'lgbf-family-groups': {
      const { header, rows } = await recordsWithHeader(file, ['Family_Group', 'Local_Authority', 'Type']);
      const groups = new Map<string, PeerGroupInput>();
      const areas: AreaInput[] = [];
      for (const record of rows) {
        const cell = cellOf(header, record);
        const code = scottishCouncilCode(cell('Local_Authority'));
        if (!code)
          throw ValidationError.field(
            `row ${record.row}, column Local_Authority`,
            `'${cell('Local_Authority')}' is not the name of a Scottish council`,
          );
        areas.push({ code, name: cell('Local_Authority') });
        const groupName = `${cell('Family_Group')} (${cell('Type')})`;
        const group = groups.get(groupName) ?? {
          name: groupName,
          kind: 'family',
          source: 'lgbf',
          members: [],
        };
        group.members.push(code);
        groups.set(groupName, group);
      }
      return { groups: [...groups.values()], areas };
    }
    case 'cipfa-nearest-neighbours': {
      const { header, rows } = await recordsWithHeader(file, ['area_code', 'area_name']);
      const areas = rows.map((record) => {
        const cell = cellOf(header, record);
        return { code: cell('area_code'), name: cell('area_name') };
      });
      const groupName = name ?? `CIPFA nearest neighbours (${path.basename(file, path.extname(file))})`;
      return {
        groups: [
          { name: groupName, kind: 'nearest-neighbours', source: 'cipfa', members: areas.map((a) => a.code) },
        ],
        areas,
      };
    }
    case 'oflog-areas': {
      const columns = ['Local authority code', 'Local authority name', 'Entity_Name', 'Region'];
      const { header, rows } = await recordsWithHeader(file, columns);
      const areas = new Map<string, AreaInput>();
      for (const record of rows) {
        const cell = cellOf(header, record);
        areas.set(cell('Local authority code'), {
          code: cell('Local authority code'),
          name: cell('Local authority name'),
          type: cell('Entity_Name') || null,
          region: cell('Region') || null,
        });
      }
      const grouped = (
        kind: 'region' | 'authority-type',
        label: string,
        of: (a: AreaInput) => string | null | undefined,
      ) => {
        const groups = new Map<string, PeerGroupInput>();
        for (const area of areas.values()) {
          const value = of(area);
          if (!value) continue;
          const groupName = `${label}: ${value}`;
          const group = groups.get(groupName) ?? { name: groupName, kind, source: 'oflog', members: [] };
          group.members.push(area.code);
          groups.set(groupName, group);
        }
        return [...groups.values()];
      };
      return {
        groups: [
          ...grouped('region', 'Region', (a) => a.region),
          ...grouped('authority-type', 'Authority type', (a) => a.type),
        ],
        areas: [...areas.values()],
      };
    }
  }
}

export async function importGroupFile(
  db: Db,
  actor: { councilId: string; userId: string | null },
  file: string,
  profile: string,
  name?: string,
): Promise<number> {
  if (!(groupProfiles as readonly string[]).includes(profile))
    throw ValidationError.field(
      'profile',
      `There is no peer-group profile '${profile}': choose one of ${groupProfiles.join(', ')}`,
    );
  const read = await readGroupFile(file, profile as GroupProfile, name);
  return saveGroups(db, actor, read.groups, read.areas);
}
