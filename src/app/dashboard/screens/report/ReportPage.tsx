/** One month of the report: a printed page of its own. */
import { GROUPS, TOPICS } from '../../../../shared/taxonomy.ts';
import { pointName, useDashboard } from '../../context.ts';
import { useDashboardI18n } from '../../i18n/i18n.tsx';
import { ESSENTIAL_TOPICS, type MonthReport, type ReportFigures } from './monthlyReport.ts';

export function ReportPage({ report, pointId }: { report: MonthReport; pointId: string | null }) {
  const { t, number, term, formatDate } = useDashboardI18n();
  const { points } = useDashboard();
  const titleId = `report-${report.month}`;
  const figureCells = (figures: ReportFigures) => (
    <>
      <td class="num">{number(figures.people)}</td>
      <td class="num">{number(figures.visits)}</td>
      <td class="num">{number(figures.deviceSessions)}</td>
      {ESSENTIAL_TOPICS.map((code) => (
        <td class="num" key={code}>
          {number(figures.essential[code])}
        </td>
      ))}
    </>
  );

  return (
    <article class="report-page card" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t('report.monthTitle', { city: t('app.city'), month: formatDate(`${report.month}-01`, 'LLLL yyyy') })}
      </h2>
      {pointId && <p>{t('report.pointFilter', { point: pointName(points, pointId) })}</p>}
      {report.visits === 0 ? (
        <p class="message empty-state">{t('report.empty')}</p>
      ) : (
        <>
          <dl class="report-figures">
            <div>
              <dt>{t('report.people')}</dt>
              <dd>{number(report.people)}</dd>
            </div>
            <div>
              <dt>{t('report.visits')}</dt>
              <dd>{number(report.visits)}</dd>
            </div>
            <div>
              <dt>{t('report.device')}</dt>
              <dd>{number(report.deviceSessions)}</dd>
            </div>
            <div>
              <dt>{t('report.firstVisits')}</dt>
              <dd>{number(report.firstVisits)}</dd>
            </div>
          </dl>
          <h3>{t('report.essential')}</h3>
          <dl class="report-figures report-essential">
            {ESSENTIAL_TOPICS.map((code) => (
              <div key={code}>
                <dt>{term(TOPICS, code)}</dt>
                <dd>{number(report.essential[code])}</dd>
              </div>
            ))}
          </dl>
          <p class="hint">{t('report.essentialNote')}</p>
          <h3>{t('report.byPoint')}</h3>
          <table class="data-table report-table">
            <thead>
              <tr>
                <th scope="col">{t('chart.point')}</th>
                <th scope="col" class="num">
                  {t('report.people')}
                </th>
                <th scope="col" class="num">
                  {t('report.visits')}
                </th>
                <th scope="col" class="num">
                  {t('report.device')}
                </th>
                {ESSENTIAL_TOPICS.map((code) => (
                  <th scope="col" class="num" key={code}>
                    {term(TOPICS, code)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.byPoint.map((row) => (
                <tr key={row.pointId}>
                  <th scope="row">{pointName(points, row.pointId)}</th>
                  {figureCells(row)}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('report.total')}</th>
                {figureCells(report)}
              </tr>
            </tfoot>
          </table>
          <h3>{t('report.byGroup')}</h3>
          <table class="data-table report-table">
            <thead>
              <tr>
                <th scope="col">{t('chart.group')}</th>
                <th scope="col" class="num">
                  {t('report.visits')}
                </th>
                <th scope="col" class="num">
                  {t('report.questions')}
                </th>
                <th scope="col" class="num">
                  {t('report.device')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.byGroup.map((row) => (
                <tr key={row.group}>
                  <th scope="row">{term(GROUPS, row.group)}</th>
                  <td class="num">{number(row.visits)}</td>
                  <td class="num">{number(row.visits - row.deviceSessions)}</td>
                  <td class="num">{number(row.deviceSessions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="hint">{t('report.groupNote')}</p>
        </>
      )}
    </article>
  );
}
