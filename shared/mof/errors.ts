/** Where in a source file a problem was found: named in every parse error so an operator can open the file at it. */
export interface ListLocation {
  file: string;
  sheet?: string;
  row?: number;
  column?: string;
}

/** The file is not a list we can read whole: wrong format, truncated, header drift, an unreadable cell. */
export class ListFormatError extends Error {
  constructor(
    readonly reason: string,
    readonly location: ListLocation,
  ) {
    super(`${describeLocation(location)}: ${reason}`);
    this.name = 'ListFormatError';
  }
}

export function describeLocation({ file, sheet, row, column }: ListLocation): string {
  return [file, sheet && `sheet '${sheet}'`, row !== undefined && `row ${row}`, column && `column ${column}`]
    .filter(Boolean)
    .join(', ');
}
