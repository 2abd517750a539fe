/**
 * The tablets: each one's label, the point it last sent visits for, its
 * last contact, the visits waiting on it, and revoking it (after a
 * confirmation that says what happens). Pairing codes are made here too.
 */
import { useState } from 'preact/hooks';
import type { DeviceSummary } from '../../api/types.ts';
import { pointName, useDashboard } from '../../context.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { useDashboardI18n } from '../../i18n/i18n.tsx';
import { LoadFailed, Loading } from '../shell/LoadState.tsx';
import { PairingPanel } from './PairingPanel.tsx';
import { RevokeConfirm } from './RevokeConfirm.tsx';

/** Tablets in use first, the most recently heard from on top; revoked ones last. */
export function sortDevices(devices: readonly DeviceSummary[]): DeviceSummary[] {
  const seen = (d: DeviceSummary) => d.lastSeenAt ?? d.pairedAt;
  return [...devices].sort((a, b) =>
    (a.revokedAt === null) !== (b.revokedAt === null) ? (a.revokedAt === null ? -1 : 1) : seen(b).localeCompare(seen(a)),
  );
}

export function TabletsScreen() {
  const i18n = useDashboardI18n();
  const { t, number, dateTime } = i18n;
  const { api, points, now } = useDashboard();
  const [version, setVersion] = useState(0);
  const devices = useAsync(() => api.devices(), String(version));
  const [confirming, setConfirming] = useState<DeviceSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <h1>{t('tablets.title')}</h1>
      <p>{t('tablets.intro')}</p>
      <PairingPanel onMade={() => setVersion((n) => n + 1)} />
      <p class={notice ? 'message' : 'visually-hidden'} role="status">
        {notice}
      </p>
      {devices.state === 'failed' && <LoadFailed error={devices.error} onRetry={devices.reload} />}
      {devices.value === null ? (
        devices.state === 'loading' && <Loading />
      ) : devices.value.length === 0 ? (
        <p class="message empty-state">{t('empty.tablets')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table manage-table">
            <caption class="visually-hidden">{t('tablets.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tablets.label')}</th>
                <th scope="col">{t('tablets.lastPoint')}</th>
                <th scope="col">{t('tablets.lastSync')}</th>
                <th scope="col">{t('tablets.pending')}</th>
                <th scope="col">{t('tablets.version')}</th>
                <th scope="col">{t('tablets.status')}</th>
              </tr>
            </thead>
            <tbody>
              {sortDevices(devices.value).map((device) => (
                <tr key={device.id} class={device.revokedAt ? 'inactive' : ''}>
                  <th scope="row">{device.label}</th>
                  <td>{device.lastPointId ? pointName(points, device.lastPointId) : '–'}</td>
                  <td>
                    {device.lastSeenAt ? (
                      <time dateTime={device.lastSeenAt} title={dateTime(device.lastSeenAt)}>
                        {i18n.ago(device.lastSeenAt, now())}
                      </time>
                    ) : (
                      t('tablets.never')
                    )}
                  </td>
                  <td class="num">
                    {device.pending === null
                      ? t('tablets.unknown')
                      : device.pending > 0 && device.oldestPendingAt
                        ? t('tablets.pendingSince', { count: number(device.pending), date: dateTime(device.oldestPendingAt) })
                        : number(device.pending)}
                  </td>
                  <td>{device.appVersion ?? '–'}</td>
                  <td>
                    {device.revokedAt ? (
                      t('tablets.revokedOn', { date: dateTime(device.revokedAt) })
                    ) : (
                      <div class="row">
                        <span>{t('tablets.paired')}</span>
                        <button
                          type="button"
                          class="button button-danger"
                          aria-label={t('tablets.revokeOf', { label: device.label })}
                          onClick={() => setConfirming(device)}
                        >
                          {t('tablets.revoke')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirming && (
        <RevokeConfirm
          device={confirming}
          onCancel={() => setConfirming(null)}
          onRevoke={async () => {
            await api.revokeDevice(confirming.id);
            setNotice(t('tablets.revokedDone', { label: confirming.label }));
            setConfirming(null);
            setVersion((n) => n + 1);
          }}
        />
      )}
    </>
  );
}
