import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Who holds a lease on stored work (a delivery, a report, a reminder): unique
 * per process and worker, and readable in the database when one is stuck.
 */
export const newLeaseHolder = () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
