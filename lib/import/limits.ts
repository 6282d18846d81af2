/** The importer's limits and the messages that name them: shared by the server and the review screen. Browser-safe. */

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export const TOO_LARGE = (bytes: number) =>
  `The file is ${megabytes(bytes)}: Quire imports files of up to 5 MB. Split the bulletin, or import its text only.`;

export const EMPTY = 'The file is empty: there is no text to import.';
