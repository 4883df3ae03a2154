/**
 * A fault-injecting decorator for the check's ports: every call to a wrapped port is numbered (across all ports
 * sharing one plan), and the plan fails the Nth call, before or after the real call. `crash` makes that call and
 * every later one fail, as if the process had died there; `error` fails that one call only.
 */
export interface Fault {
  call: number;
  when: 'before' | 'after';
  kind: 'crash' | 'error';
}

export class FaultPlan {
  readonly calls: string[] = [];
  private crashed = false;

  constructor(private readonly fault: Fault | null = null) {}

  wrap<T extends object>(name: string, port: T): T {
    return new Proxy(port, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const n = this.calls.push(`${name}.${String(property)}`);
          const hit = this.fault?.call === n;
          if (this.crashed || (hit && this.fault!.when === 'before')) return this.fail(n, hit);
          const result = await value.apply(target, args);
          if (hit) return this.fail(n, hit);
          return result;
        };
      },
    });
  }

  private fail(n: number, hit: boolean): never {
    if (hit && this.fault!.kind === 'crash') this.crashed = true;
    throw new Error(`injected fault at call ${n} (${this.calls[n - 1]}${hit ? `, ${this.fault!.when}` : ', after the crash'})`);
  }
}
