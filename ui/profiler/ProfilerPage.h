#pragma once

#include <QUuid>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace steward {

class EntityRepository;
class ProfileJobModel;
class RecentRunsModel;

namespace profiler {
class ProfileRepository;
class ProfileScheduler;
class ProfilerService;
} // namespace profiler

// The profiler tab: start a profile of any field, watch the queue with progress and
// cancel, and read recent runs with their per-rule results.
class ProfilerPage : public QWidget
{
    Q_OBJECT

public:
    ProfilerPage(profiler::ProfilerService &service, profiler::ProfileScheduler &scheduler,
                 profiler::ProfileRepository &profiles, EntityRepository &entities, QWidget *parent = nullptr);

    void setTenant(const QUuid &tenantId);
    // Queues a manual run of `canonicalKey` that bypasses the cost guard.
    void profileNow(const QString &canonicalKey);
    // Puts the field in the field box and selects its newest run among the recent ones.
    void showField(const QString &canonicalKey);

Q_SIGNALS:
    void failed(const QString &message);
    void notice(const QString &message); // worth saying, not an error

private:
    void showRunDetails();

    profiler::ProfilerService &m_service;
    profiler::ProfileScheduler &m_scheduler;
    EntityRepository &m_entities;
    QUuid m_tenantId;
    ProfileJobModel *m_jobModel;
    RecentRunsModel *m_runsModel;
    QLineEdit *m_fieldEdit;
    QPushButton *m_profileNowButton;
    QPushButton *m_runDueButton;
    QTableView *m_jobView;
    QPushButton *m_cancelButton;
    QTableView *m_runsView;
    QTextBrowser *m_detailsView;
};

} // namespace steward
