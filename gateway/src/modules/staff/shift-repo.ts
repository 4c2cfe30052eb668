import type { Db } from '../../platform/store/db.ts';

export interface Shift {
  id: number;
  staffId: string;
  pointId: string;
  startsAt: number;
  endsAt: number;
}

/** Staff and their shifts: who served at which point when, so indices break down by staff. */
export class ShiftRepo {
  private byPoint = new Map<string, Shift[]>();

  constructor(private readonly db: Db) {
    this.reload();
  }

  private reload(): void {
    const shifts = this.db
      .prepare(
        'SELECT id, staff_id AS staffId, point_id AS pointId, starts_at AS startsAt, ends_at AS endsAt FROM shifts ORDER BY starts_at',
      )
      .all() as Shift[];
    this.byPoint = new Map();
    for (const s of shifts) {
      const list = this.byPoint.get(s.pointId) ?? [];
      list.push(s);
      this.byPoint.set(s.pointId, list);
    }
  }

  /** The staff member on shift at a point at an instant (the latest-starting shift covering it). */
  staffAt(pointId: string, ms: number): string | null {
    const list = this.byPoint.get(pointId);
    if (!list) return null;
    let found: string | null = null;
    for (const s of list) {
      if (s.startsAt > ms) break;
      if (ms < s.endsAt) found = s.staffId;
    }
    return found;
  }

  upsertStaff(id: string, name: string): void {
    this.db.prepare('INSERT INTO staff (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name').run(id, name);
  }

  staff(): { id: string; name: string }[] {
    return this.db.prepare('SELECT id, name FROM staff ORDER BY id').all() as { id: string; name: string }[];
  }

  addShift(shift: Omit<Shift, 'id'>): Shift {
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO shifts (staff_id, point_id, starts_at, ends_at) VALUES (?, ?, ?, ?)')
      .run(shift.staffId, shift.pointId, shift.startsAt, shift.endsAt);
    this.reload();
    return { id: Number(lastInsertRowid), ...shift };
  }

  /** The points where a staff member had a shift overlapping [from, to). */
  pointsWorked(staffId: string, from: number, to: number): string[] {
    return this.db
      .prepare<unknown[], string>('SELECT DISTINCT point_id FROM shifts WHERE staff_id = ? AND starts_at < ? AND ends_at > ?')
      .pluck()
      .all(staffId, to, from);
  }

  /** The shifts at some points that overlap [from, to), of one staff member or of everyone. */
  overlapping(
    pointIds: string[],
    from: number,
    to: number,
    staffId?: string,
  ): { staffId: string; pointId: string; from: number; to: number }[] {
    if (pointIds.length === 0) return [];
    return this.db
      .prepare(
        `SELECT staff_id AS staffId, point_id AS pointId, starts_at AS "from", ends_at AS "to" FROM shifts
         WHERE point_id IN (${pointIds.map(() => '?').join(',')}) AND starts_at < ? AND ends_at > ?${staffId === undefined ? '' : ' AND staff_id = ?'}`,
      )
      .all(...pointIds, to, from, ...(staffId === undefined ? [] : [staffId])) as {
      staffId: string;
      pointId: string;
      from: number;
      to: number;
    }[];
  }

  shifts(pointId?: string): Shift[] {
    return [...this.byPoint.entries()].filter(([p]) => !pointId || p === pointId).flatMap(([, list]) => list);
  }

  /** How many different staff members had a shift overlapping [from, to) at some points. */
  staffOnShift(pointIds: string[], from: number, to: number): number {
    if (pointIds.length === 0) return 0;
    return (
      this.db
        .prepare(
          `SELECT COUNT(DISTINCT staff_id) AS n FROM shifts WHERE point_id IN (${pointIds.map(() => '?').join(',')}) AND starts_at < ? AND ends_at > ?`,
        )
        .get(...pointIds, to, from) as { n: number }
    ).n;
  }
}
