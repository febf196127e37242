#include "MainWindow.h"

#include "ApprovalDetailPane.h"
#include "ApprovalQueueModel.h"
#include "AuditTrailModel.h"
#include "AuditTrailPage.h"
#include "DecisionController.h"
#include "DecisionDialog.h"
#include "PreferencesDialog.h"
#include "QueuePage.h"
#include "notifications/NotificationBell.h"
#include "notifications/TrayNotifier.h"
#include "quality/QualityPage.h"
#include "report/ExportDialog.h"
#include "profiler/ProfilerPage.h"
#include "Session.h"
#include "Settings.h"
#include "UiTr.h"
#include "events/EventBus.h"
#include "profiler/ProfilerService.h"
#include "store/ApprovalRepository.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace steward {

MainWindow::MainWindow(const AppServices &services, Session &session, Settings &settings, QWidget *parent)
    : QMainWindow(parent),
      m_services(services),
      m_session(session),
      m_settings(settings),
      m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_queueModel(new ApprovalQueueModel(services.approvalRepository, this)),
      m_auditModel(new AuditTrailModel(services.events, this)),
      m_queuePage(new QueuePage(*m_queueModel, this)),
      m_profilerPage(new ProfilerPage(services.profiler, services.scheduler, services.profiles, services.entities,
                                      this)),
      m_qualityPage(new QualityPage(services, session, this)),
      m_detailPane(new ApprovalDetailPane(services.entities, services.profiles, this)),
      m_decisions(new DecisionController(services, session, this)),
      m_tabs(new QTabWidget(this)),
      m_errorBanner(new QLabel(this)),
      m_pendingLabel(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    m_tabs->setObjectName(u"mainTabs"_s);
    m_errorBanner->setObjectName(u"errorBanner"_s);
    m_pendingLabel->setObjectName(u"pendingCountLabel"_s);
    m_errorBanner->setWordWrap(true);
    m_errorBanner->setStyleSheet(u"QLabel { background: #fde7e9; color: #a4262c; border: 1px solid #e8a3a8; "
                                 u"border-radius: 4px; padding: 6px; }"_s);
    m_errorBanner->hide();

    m_splitter->setObjectName(u"approvalsSplitter"_s);
    m_splitter->addWidget(m_queuePage);
    m_splitter->addWidget(m_detailPane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    m_tabs->addTab(m_splitter, UiTr::tr("&Approvals"));
    m_tabs->addTab(new AuditTrailPage(*m_auditModel, this), UiTr::tr("Audit &trail"));
    m_tabs->addTab(m_profilerPage, UiTr::tr("Pr&ofiler"));
    m_tabs->addTab(m_qualityPage, UiTr::tr("&Quality"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_pendingLabel);

    buildMenus();
    buildToolBar();
    buildActions();

    connect(m_queuePage, &QueuePage::currentApprovalChanged, this, &MainWindow::showApproval);
    connect(m_queueModel, &ApprovalQueueModel::loadFailed, this, &MainWindow::showError);
    connect(m_auditModel, &AuditTrailModel::loadFailed, this, &MainWindow::showError);
    connect(m_detailPane, &ApprovalDetailPane::approveClicked, this, [this] {
        if (m_detailPane->approval())
            m_decisions->approve(*m_detailPane->approval());
    });
    connect(m_detailPane, &ApprovalDetailPane::rejectClicked, this, [this] {
        if (m_detailPane->approval())
            m_decisions->reject(*m_detailPane->approval());
    });
    connect(m_detailPane, &ApprovalDetailPane::cancelClicked, this, [this] {
        if (m_detailPane->approval())
            m_decisions->withdraw(*m_detailPane->approval());
    });
    connect(m_detailPane, &ApprovalDetailPane::profileNowClicked, this, [this](const QString &key) {
        m_profilerPage->profileNow(key);
        statusBar()->showMessage(UiTr::tr("Profiling %1 in the background…").arg(key), 5000);
    });
    connect(m_profilerPage, &ProfilerPage::failed, this, &MainWindow::showError);
    // A degradation on the Quality tab leads to the field's runs on the Profiler tab.
    connect(m_qualityPage, &QualityPage::fieldProfileRequested, this, &MainWindow::revealField);
    connect(m_qualityPage, &QualityPage::failed, this, &MainWindow::showError);
    connect(m_profilerPage, &ProfilerPage::notice, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    // A finished profile updates the score shown for the selected request, nothing else.
    connect(&services.profiler, &profiler::ProfilerService::jobFinished, m_detailPane,
            &ApprovalDetailPane::refreshQuality);
    connect(m_decisions, &DecisionController::inFlightChanged, this,
            [this] { m_detailPane->setDecisionInFlight(m_decisions->inFlight()); });
    connect(m_decisions, &DecisionController::decided, this, &MainWindow::onDecided);
    connect(m_decisions, &DecisionController::failed, this, &MainWindow::showError);

    // Committed events keep every view current, whoever caused them. The queue hears
    // only what changes its rows, and then moves only those rows.
    connect(&services.bus, &EventBus::eventPublished, m_auditModel, &AuditTrailModel::append);
    connect(&services.bus, &EventBus::approvalRequested, this, &MainWindow::onRequestChanged);
    connect(&services.bus, &EventBus::approvalDecided, this, &MainWindow::onRequestChanged);

    // The bell's entries lead to their request or field; new alerts reach the tray.
    connect(m_bell, &NotificationBell::approvalRequested, this, &MainWindow::revealApproval);
    connect(m_bell, &NotificationBell::fieldRequested, this, &MainWindow::revealField);
    auto *tray = new TrayNotifier(m_bell->center(), this, this);
    connect(tray, &TrayNotifier::fieldRequested, this, &MainWindow::revealField);

    connect(&m_session, &Session::tenantChanged, this, &MainWindow::onTenantChanged);
    connect(&m_session, &Session::userChanged, this, &MainWindow::onUserChanged);

    resize(1360, 820);
    restoreGeometry(m_settings.value(Settings::Key::WindowGeometry).toByteArray());
    if (!m_splitter->restoreState(m_settings.value(Settings::Key::ApprovalsSplitter).toByteArray()))
        m_splitter->setSizes({width() * 6 / 10, width() * 4 / 10});
    onTenantChanged();
    onUserChanged();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings.setValue(Settings::Key::WindowGeometry, saveGeometry());
    m_settings.setValue(Settings::Key::ApprovalsSplitter, m_splitter->saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::buildToolBar()
{
    QToolBar *bar = addToolBar(UiTr::tr("Session"));
    bar->setObjectName(u"sessionToolBar"_s);
    bar->setMovable(false);
    m_tenantCombo = new QComboBox(bar);
    m_tenantCombo->setObjectName(u"tenantCombo"_s);
    m_tenantCombo->setToolTip(UiTr::tr("Tenant whose metadata you govern"));
    m_userCombo = new QComboBox(bar);
    m_userCombo->setObjectName(u"userSwitcherCombo"_s);
    m_userCombo->setToolTip(UiTr::tr("Act as another demo user"));
    m_userCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_tenantCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto *tenantLabel = new QLabel(UiTr::tr(" Tenant: "), bar);
    tenantLabel->setBuddy(m_tenantCombo);
    auto *userLabel = new QLabel(UiTr::tr("  Signed in as: "), bar);
    userLabel->setBuddy(m_userCombo);
    bar->addWidget(tenantLabel);
    bar->addWidget(m_tenantCombo);
    bar->addWidget(userLabel);
    bar->addWidget(m_userCombo);

    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    m_bell = new NotificationBell(m_services, m_session, m_settings, bar);
    bar->addWidget(m_bell);

    connect(m_tenantCombo, &QComboBox::activated, this,
            [this](int index) { m_session.switchTenant(m_tenantCombo->itemData(index).toUuid()); });
    connect(m_userCombo, &QComboBox::activated, this,
            [this](int index) { m_session.switchUser(m_userCombo->itemData(index).toString()); });
}

void MainWindow::buildActions()
{
    auto addShortcut = [this](const QString &name, const QKeySequence &keys, auto slot) {
        auto *action = new QAction(this);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    addShortcut(u"approveAction"_s, QKeySequence(u"Ctrl+Shift+A"_s), [this] {
        if (auto *button = m_detailPane->findChild<QPushButton *>(u"approveButton"_s); button && button->isEnabled())
            button->click();
    });
    addShortcut(u"rejectAction"_s, QKeySequence(u"Ctrl+Shift+R"_s), [this] {
        if (auto *button = m_detailPane->findChild<QPushButton *>(u"rejectButton"_s); button && button->isEnabled())
            button->click();
    });
    addShortcut(u"refreshAction"_s, QKeySequence::Refresh, [this] {
        m_queueModel->refresh();
        m_auditModel->reload();
        updatePendingCount();
    });
    addShortcut(u"findAction"_s, QKeySequence::Find, [this] {
        m_tabs->setCurrentIndex(0);
        m_queuePage->focusSearch();
    });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(UiTr::tr("&File"));
    QAction *exportAction = file->addAction(UiTr::tr("&Export report…"), this, &MainWindow::openExportDialog);
    exportAction->setObjectName(u"exportReportAction"_s);
    exportAction->setShortcut(QKeySequence(u"Ctrl+E"_s));
    QAction *preferences = file->addAction(UiTr::tr("&Preferences…"), this, &MainWindow::openPreferences);
    preferences->setObjectName(u"preferencesAction"_s);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = file->addAction(UiTr::tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(u"quitAction"_s);
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::openExportDialog()
{
    auto *dialog = new ExportDialog(m_services, m_session, m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openPreferences()
{
    auto *dialog = new PreferencesDialog(m_services, m_session, m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::populateSwitchers()
{
    m_tenantCombo->clear();
    for (const Tenant &tenant : m_session.tenants())
        m_tenantCombo->addItem(tenant.name, tenant.id);
    m_tenantCombo->setCurrentIndex(m_tenantCombo->findData(m_session.tenant().id));

    m_userCombo->clear();
    for (const User &user : m_session.users()) {
        QStringList roles;
        for (const Role role : user.roles)
            roles.append(displayName(role));
        m_userCombo->addItem(u"%1 (%2)"_s.arg(user.displayName, roles.join(u", "_s)), user.id);
    }
    m_userCombo->setCurrentIndex(m_userCombo->findData(m_session.user().id));
}

void MainWindow::onTenantChanged()
{
    populateSwitchers();
    m_errorBanner->hide();
    m_queueModel->setTenant(m_session.tenant().id);
    m_auditModel->setTenant(m_session.tenant().id);
    m_profilerPage->setTenant(m_session.tenant().id);
    updatePendingCount();
    m_queuePage->selectRow(0);
}

void MainWindow::onUserChanged()
{
    m_settings.setValue(Settings::Key::LastTenant, m_session.tenant().id.toString(QUuid::WithoutBraces));
    m_settings.setValue(Settings::Key::LastUser, m_session.user().id);
    populateSwitchers();
    m_errorBanner->hide();
    m_detailPane->setViewer(m_session.user());
    setWindowTitle(UiTr::tr("Metadata Steward — %1 — %2").arg(m_session.tenant().name, m_session.user().displayName));
}

void MainWindow::showApproval(const QUuid &approvalId)
{
    if (approvalId.isNull()) {
        m_detailPane->showApproval(std::nullopt);
        return;
    }
    auto approval = m_services.approvalRepository.find(m_session.tenant().id, approvalId);
    if (!approval) {
        showError(approval.error().text());
        return;
    }
    m_detailPane->showApproval(approval.value());
}

void MainWindow::revealApproval(const QUuid &approvalId)
{
    m_tabs->setCurrentWidget(m_splitter);
    // Decided requests are usually not in the (pending) queue: then the pane shows it alone.
    if (const int row = m_queueModel->loadedRowOf(approvalId); row >= 0)
        m_queuePage->selectRow(row);
    else
        showApproval(approvalId);
}

void MainWindow::revealField(const QString &canonicalKey)
{
    m_tabs->setCurrentWidget(m_profilerPage);
    m_profilerPage->showField(canonicalKey);
}

void MainWindow::onRequestChanged(const Event &event)
{
    if (event.tenantId != m_session.tenant().id)
        return;
    m_queueModel->requestChanged(event.correlationId); // an approval event's correlation is its request
    updatePendingCount();
}

void MainWindow::onDecided()
{
    // The queue already moved on: the decided request left it and the next one took its place.
    m_errorBanner->hide();
    statusBar()->showMessage(UiTr::tr("Decision recorded."), 4000);
}

void MainWindow::showError(const QString &message)
{
    m_errorBanner->setText(message);
    m_errorBanner->show();
    statusBar()->showMessage(message, 8000);
}

void MainWindow::updatePendingCount()
{
    ApprovalFilter pending;
    pending.status = ApprovalStatus::Pending;
    auto count = m_services.approvalRepository.count(m_session.tenant().id, pending);
    m_pendingLabel->setText(count ? UiTr::tr("%n pending request(s)", nullptr, count.value()) : QString());
}

} // namespace steward
