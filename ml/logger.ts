/**
 * The logging ml/ needs, satisfied by a pino logger: one structured line per event.
 * ml/ never writes to the console itself; without a logger it stays silent.
 */
export interface MlLogger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  debug(fields: object, message?: string): void;
}
