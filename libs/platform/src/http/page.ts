import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidationFailed } from '@revcycle/kernel';

/** LIM-3 (security.md §4): no list answers more than 200 items at once. */
export const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 100;

/** The query parameters of a list read page by page: how many, and after which item. */
export class PageQuery {
  @ApiPropertyOptional({ default: DEFAULT_PAGE_SIZE, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'The `next` of the previous page; absent for the first page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  after?: string;
}

/** One page of a list, and the `after` that asks for the next one (null on the last page). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/**
 * The cursor of a keyset page: the sort key of the last item, opaque to clients. Keyset rather than
 * offset, so items recorded while a client pages through never shift it into skips or repeats.
 */
function pageCursor(key: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The sort key in `after`, checked against the list's own shape; a foreign cursor is a 400 on `after`. */
export function readPageCursor<K>(after: string | undefined, isKey: (value: unknown) => value is K): K | undefined {
  if (after === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!isKey(key)) throw new ValidationFailed([{ path: 'after', message: 'is not a cursor this list gave out' }]);
  return key;
}

/** The page from rows fetched with `limit + 1`: the extra row only says that another page exists. */
export function pageOf<R, T>(rows: R[], limit: number, item: (row: R) => T, keyOf: (row: R) => ReadonlyArray<string | number>): Page<T> {
  const items = rows.slice(0, limit);
  return { items: items.map(item), next: rows.length > limit ? pageCursor(keyOf(items[items.length - 1])) : null };
}
