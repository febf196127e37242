#pragma once

#include "AppServices.h"

#include <QMainWindow>

class QAction;
class QComboBox;
class QLabel;
class QSplitter;
class QTabWidget;

namespace steward {

class ApprovalDetailPane;
class ApprovalQueueModel;
class AuditTrailModel;
class DecisionController;
class NotificationBell;
class ProfilerPage;
class QualityPage;
class QueuePage;
class Session;
class Settings;
struct Event;

// The steward's window: the approvals queue with the selected request beside it,
// and the audit trail. Composes the pages; the work lives in them and in core.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(const AppServices &services, Session &session, Settings &settings, QWidget *parent = nullptr);

protected:
    void closeEvent(QCloseEvent *event) override;

    DecisionController &decisions() const { return *m_decisions; }

private:
    void buildToolBar();
    void buildActions();
    void buildMenus();
    void openExportDialog();
    void openPreferences();
    void populateSwitchers();
    void onTenantChanged();
    void onUserChanged();
    void showApproval(const QUuid &approvalId);
    void revealApproval(const QUuid &approvalId);
    void revealField(const QString &canonicalKey);
    void onRequestChanged(const Event &event);
    void onDecided();
    void showError(const QString &message);
    void updatePendingCount();

    AppServices m_services;
    Session &m_session;
    Settings &m_settings;
    QSplitter *m_splitter;
    ApprovalQueueModel *m_queueModel;
    AuditTrailModel *m_auditModel;
    QueuePage *m_queuePage;
    ProfilerPage *m_profilerPage;
    QualityPage *m_qualityPage;
    ApprovalDetailPane *m_detailPane;
    DecisionController *m_decisions;
    QTabWidget *m_tabs;
    QLabel *m_errorBanner;
    QComboBox *m_tenantCombo = nullptr;
    QComboBox *m_userCombo = nullptr;
    NotificationBell *m_bell = nullptr;
    QLabel *m_pendingLabel;
};

} // namespace steward
