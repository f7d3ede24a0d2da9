import { memo } from 'react';
import type { EngineStatus } from '../worker/protocol.ts';

interface Props {
  engine: EngineStatus | null;
  onFault: (fault: 'lose-webgl-context' | 'crash') => void;
}

/**
 * What runs where and why (the renderer, Auto's measurement, every engine's state), and two
 * buttons that break it on purpose, so a person (and the e2e tests) can see that a lost WebGL
 * context or a crashed worker costs no training progress.
 */
export const Diagnostics = memo(function Diagnostics({ engine, onFault }: Props) {
  return (
    <details className="diagnostics">
      <summary>Diagnostics</summary>
      {engine && (
        <p className="engine-reason">
          {engine.renderer
            ? `WebGL: ${engine.hardware ? 'hardware GPU' : 'software'} (${engine.renderer}). `
            : 'WebGL: unavailable. '}
          {engine.reason}
        </p>
      )}
      <ul className="engine-list" aria-label="Engines">
        {engine?.engines.map((e) => (
          <li key={e.id}>
            <strong>{e.id}</strong> ({e.precision}): {e.available ? 'available' : 'unavailable'} —{' '}
            {e.note}
          </li>
        ))}
      </ul>
      <div className="buttons">
        <button type="button" onClick={() => onFault('lose-webgl-context')}>
          Simulate lost WebGL context
        </button>
        <button type="button" onClick={() => onFault('crash')}>
          Simulate worker crash
        </button>
      </div>
    </details>
  );
});
