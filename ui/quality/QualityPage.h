#pragma once

#include "AppServices.h"
#include "QualityLoader.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace steward {
namespace jobs {
class JobRunner;
}

class ChartPanel;
class DegradationModel;
class Session;
struct Event;

// The Quality tab: how each tier's quality moves, one field's trend, grades by domain,
// what just got worse, how the profiler runs and how the approval queue is doing, over
// the last 30 or 90 days. Figures are read by QualityLoader on two worker threads with
// their own connections (the GUI thread never runs these queries) and reloaded when a
// profile finishes or a request is decided, bursts coalesced. Follows the session's tenant.
class QualityPage : public QWidget
{
    Q_OBJECT

public:
    QualityPage(const AppServices &services, Session &session, QWidget *parent = nullptr);
    ~QualityPage() override;

    // Reads everything again (on the loader's thread).
    void reload();
    // The period shown: 30 or 90 days.
    int periodDays() const;
    void setPeriodDays(int days);
    // The field whose trend is shown; selecting one loads its trend.
    QString selectedField() const { return m_fieldKey; }
    void selectField(const QString &canonicalKey);
    // Snapshots presented so far; tests and the benchmark wait on it.
    int updateCount() const { return m_updates; }
    ChartPanel *panel(const QString &name) const;

Q_SIGNALS:
    // The steward asked to see a field's profile (a degradation row, "Show profile").
    void fieldProfileRequested(const QString &canonicalKey);
    // A snapshot was presented: the charts show the figures of `generation`.
    void chartsUpdated(quint64 generation);
    void failed(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onFiguresChanged(const Event &event);
    void onTenantChanged();
    void scheduleReload();
    void request(bool fieldOnly);
    void send(jobs::JobRunner &runner, const QualityRequest &request);
    void onLoaded(const QualitySnapshot &part);
    void present(const QualitySnapshot &snapshot, bool withFieldTrend);
    void presentFieldTrend(const QualitySnapshot &snapshot);
    void presentFieldList(const QualitySnapshot &snapshot);
    void finishUpdate(quint64 generation);
    void showSelectedProfile();
    QWidget *buildTrendsTab();
    QWidget *buildProfilerTab();
    QWidget *buildApprovalsTab();

    Session &m_session;
    // Two worker threads, each with its own connection: the pass over the period's runs
    // and the per-field seeks run side by side.
    jobs::JobRunner *m_activityRunner;
    jobs::JobRunner *m_fieldsRunner;
    quint64 m_fieldOnlyJob = 0; // the field trend asked for alone, until it arrives
    QualitySnapshot m_assembling; // the parts of the latest full request that arrived
    QualityRequest::Parts m_arrived;
    QTimer *m_reloadTimer;
    quint64 m_generation = 0;
    quint64 m_latestField = 0; // the latest request, full or field only: whose field trend counts
    bool m_dirty = true;
    int m_updates = 0;
    QString m_fieldKey;

    QComboBox *m_periodCombo;
    QLabel *m_statusLabel;
    QTabWidget *m_sections;
    ChartPanel *m_tierTrend;
    ChartPanel *m_fieldTrend;
    QComboBox *m_fieldCombo;
    QPushButton *m_fieldProfileButton;
    ChartPanel *m_distribution;
    DegradationModel *m_degradationModel;
    QTableView *m_degradationsView;
    QPushButton *m_showProfileButton;
    ChartPanel *m_runsPerDay;
    ChartPanel *m_durations;
    QLabel *m_profilerSummary;
    ChartPanel *m_pending;
    ChartPanel *m_decisions;
    QLabel *m_decisionTimeLabel;
};

} // namespace steward
