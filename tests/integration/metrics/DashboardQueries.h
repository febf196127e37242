#pragma once

// The PromQL of the Grafana dashboards under ops/grafana, for the tests that check it.

#include <QString>
#include <QStringList>

namespace steward::testing {

struct DashboardQuery
{
    QString dashboard; // file name
    QString panel;     // panel title, or "variable NAME"
    QString expr;
    bool templateQuery = false; // a Grafana variable query such as label_values(METRIC, LABEL)
};

// Every query of every *.json in `directory`; `error` names a file that is not a dashboard.
QList<DashboardQuery> dashboardQueries(const QString &directory, QString &error);

// Metric names a PromQL expression reads (functions, keywords, label names, strings,
// ranges and durations left out).
QStringList metricNamesIn(const QString &expr);

// The expression with the dashboards' variables replaced, ready for Prometheus' query API.
QString withVariablesResolved(const QString &expr);

} // namespace steward::testing
