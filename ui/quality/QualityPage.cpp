#include "QualityPage.h"

#include "ChartPanel.h"
#include "DegradationModel.h"
#include "QualityCharts.h"
#include "Session.h"
#include "UiTr.h"
#include "events/EventBus.h"
#include "jobs/JobRunner.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

// Several events arrive together (a run, its alerts; an approval's chain): wait this
// long after the last one before reading again.
constexpr int kCoalesceMs = 250;

QLabel *headline(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

QualityPage::QualityPage(const AppServices &services, Session &session, QWidget *parent)
    : QWidget(parent),
      m_session(session),
      m_activityRunner(new jobs::JobRunner(u"quality-activity"_s, services.databaseUrl, this)),
      m_fieldsRunner(new jobs::JobRunner(u"quality-fields"_s, services.databaseUrl, this)),
      m_reloadTimer(new QTimer(this)),
      m_periodCombo(new QComboBox(this)),
      m_statusLabel(new QLabel(this)),
      m_sections(new QTabWidget(this)),
      m_tierTrend(new ChartPanel(UiTr::tr("Average quality score per tier"), u"tierTrend"_s, this)),
      m_fieldTrend(new ChartPanel(UiTr::tr("Field trend"), u"fieldTrend"_s, this)),
      m_fieldCombo(new QComboBox(this)),
      m_fieldProfileButton(new QPushButton(UiTr::tr("Open profile"), this)),
      m_distribution(new ChartPanel(UiTr::tr("Grades by domain (latest score per field)"), u"distribution"_s, this)),
      m_degradationModel(new DegradationModel(this)),
      m_degradationsView(new QTableView(this)),
      m_showProfileButton(new QPushButton(UiTr::tr("&Show profile"), this)),
      m_runsPerDay(new ChartPanel(UiTr::tr("Profile runs per day"), u"runsPerDay"_s, this)),
      m_durations(new ChartPanel(UiTr::tr("Duration of completed runs"), u"durations"_s, this)),
      m_profilerSummary(headline(this, u"profilerSummaryLabel"_s)),
      m_pending(new ChartPanel(UiTr::tr("Pending requests by tier"), u"pending"_s, this)),
      m_decisions(new ChartPanel(UiTr::tr("Decisions per day by entity type"), u"decisions"_s, this)),
      m_decisionTimeLabel(headline(this, u"decisionTimeLabel"_s))
{
    setObjectName(u"qualityPage"_s);

    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(kCoalesceMs);
    connect(m_reloadTimer, &QTimer::timeout, this, &QualityPage::reload);

    m_periodCombo->setObjectName(u"periodCombo"_s);
    m_periodCombo->addItem(UiTr::tr("Last 30 days"), 30);
    m_periodCombo->addItem(UiTr::tr("Last 90 days"), 90);
    m_periodCombo->setCurrentIndex(1);
    m_statusLabel->setObjectName(u"qualityStatusLabel"_s);
    m_sections->setObjectName(u"qualitySectionTabs"_s);

    m_sections->addTab(buildTrendsTab(), UiTr::tr("Quality tr&ends"));
    m_sections->addTab(buildProfilerTab(), UiTr::tr("Profiler &performance"));
    m_sections->addTab(buildApprovalsTab(), UiTr::tr("Approval &workflow"));

    auto *periodLabel = new QLabel(UiTr::tr("Pe&riod:"), this);
    periodLabel->setBuddy(m_periodCombo);
    auto *bar = new QHBoxLayout;
    bar->addWidget(periodLabel);
    bar->addWidget(m_periodCombo);
    bar->addSpacing(12);
    bar->addWidget(m_statusLabel, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_sections, 1);

    for (ChartPanel *panel : {m_tierTrend, m_fieldTrend, m_distribution, m_runsPerDay, m_durations, m_pending,
                              m_decisions}) {
        connect(panel, &ChartPanel::saveFailed, this, &QualityPage::failed);
        connect(panel, &ChartPanel::saved, this, [this](const QString &path) {
            m_statusLabel->setText(UiTr::tr("Chart saved to %1").arg(path));
        });
    }
    connect(m_periodCombo, &QComboBox::currentIndexChanged, this, [this] { request(false); });
    // The figures change when a profile run ends and when the approval queue changes.
    connect(&services.bus, &EventBus::profileFinished, this, &QualityPage::onFiguresChanged);
    connect(&services.bus, &EventBus::approvalRequested, this, &QualityPage::onFiguresChanged);
    connect(&services.bus, &EventBus::approvalDecided, this, &QualityPage::onFiguresChanged);
    connect(&m_session, &Session::tenantChanged, this, &QualityPage::onTenantChanged);

    // Read at once, in the background: the tab shows its charts as soon as it is opened.
    request(false);
}

QualityPage::~QualityPage()
{
    // Before the members the answers would touch: each thread finishes its query and ends.
    m_activityRunner->shutdown();
    m_fieldsRunner->shutdown();
}

QWidget *QualityPage::buildTrendsTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(u"qualityTrendsTab"_s);

    m_fieldCombo->setObjectName(u"fieldCombo"_s);
    m_fieldCombo->setEditable(true);
    m_fieldCombo->setInsertPolicy(QComboBox::NoInsert);
    m_fieldCombo->setMinimumContentsLength(26);
    m_fieldCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_fieldCombo->lineEdit()->setPlaceholderText(UiTr::tr("Search a field…"));
    m_fieldCombo->setToolTip(UiTr::tr("The field whose completeness, uniqueness and validity are drawn"));
    m_fieldCombo->completer()->setFilterMode(Qt::MatchContains);
    m_fieldCombo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_fieldCombo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    auto *fieldLabel = new QLabel(UiTr::tr("F&ield:"), m_fieldTrend);
    fieldLabel->setBuddy(m_fieldCombo);
    m_fieldProfileButton->setObjectName(u"fieldProfileButton"_s);
    m_fieldProfileButton->setToolTip(UiTr::tr("Show this field's runs on the Profiler tab"));
    m_fieldTrend->addHeaderWidget(fieldLabel);
    m_fieldTrend->addHeaderWidget(m_fieldCombo);
    m_fieldTrend->addHeaderWidget(m_fieldProfileButton);
    connect(m_fieldCombo, &QComboBox::activated, this,
            [this](int index) { selectField(m_fieldCombo->itemText(index)); });
    connect(m_fieldCombo->lineEdit(), &QLineEdit::returnPressed, this, [this] {
        const QString typed = m_fieldCombo->currentText().trimmed();
        if (m_fieldCombo->findText(typed) >= 0)
            selectField(typed);
    });
    connect(m_fieldProfileButton, &QPushButton::clicked, this, [this] {
        if (!m_fieldKey.isEmpty())
            Q_EMIT fieldProfileRequested(m_fieldKey);
    });

    m_tierTrend->setSuggestedFileName(u"quality-tier-trend.png"_s);
    m_tierTrend->setDescription(UiTr::tr("Each day, the average score of the tier's completed runs within its "
                                         "profiling interval: tier1 that day, tier2 the last 3 days, tier3 the last "
                                         "7, tier4 and tier5 the last 30."));
    m_distribution->setDescription(UiTr::tr("How many fields of each domain have each grade, by their latest "
                                            "completed run in the period."));
    m_fieldTrend->setSuggestedFileName(u"quality-field-trend.png"_s);
    m_distribution->setSuggestedFileName(u"quality-grades-by-domain.png"_s);

    // Recent degradations: a table whose rows lead to the field's profile.
    auto *degradations = new QFrame(tab);
    degradations->setObjectName(u"degradationsPanel"_s);
    degradations->setFrameShape(QFrame::StyledPanel);
    auto *title = new QLabel(UiTr::tr("Recent &degradations (more than 10 points below the run before)"), degradations);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setBuddy(m_degradationsView);
    m_degradationsView->setObjectName(u"degradationsView"_s);
    m_degradationsView->setModel(m_degradationModel);
    m_degradationsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_degradationsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_degradationsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_degradationsView->verticalHeader()->hide();
    m_degradationsView->setWordWrap(false);
    m_degradationsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_degradationsView->horizontalHeader()->setSectionResizeMode(DegradationModel::FieldColumn, QHeaderView::Stretch);
    m_degradationsView->verticalHeader()->setDefaultSectionSize(m_degradationsView->fontMetrics().height() + 8);
    m_showProfileButton->setObjectName(u"showProfileButton"_s);
    m_showProfileButton->setEnabled(false);
    connect(m_degradationsView, &QAbstractItemView::activated, this, &QualityPage::showSelectedProfile);
    connect(m_showProfileButton, &QPushButton::clicked, this, &QualityPage::showSelectedProfile);
    connect(m_degradationsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_showProfileButton->setEnabled(current.isValid()); });
    connect(m_degradationModel, &QAbstractItemModel::modelReset, this, [this] {
        m_showProfileButton->setEnabled(m_degradationsView->currentIndex().isValid());
    });
    auto *degradationsHeader = new QHBoxLayout;
    degradationsHeader->addWidget(title, 1);
    degradationsHeader->addWidget(m_showProfileButton);
    auto *degradationsLayout = new QVBoxLayout(degradations);
    degradationsLayout->setContentsMargins(6, 4, 6, 4);
    degradationsLayout->setSpacing(2);
    degradationsLayout->addLayout(degradationsHeader);
    degradationsLayout->addWidget(m_degradationsView, 1);
    auto *noDrops = new QLabel(UiTr::tr("No field's latest score fell more than 10 points below the run before."),
                               degradations);
    noDrops->setObjectName(u"degradationsEmptyLabel"_s);
    noDrops->setAlignment(Qt::AlignCenter);
    noDrops->setWordWrap(true);
    noDrops->setStyleSheet(u"QLabel { color: palette(mid); }"_s);
    noDrops->hide();
    degradationsLayout->addWidget(noDrops, 1);
    connect(m_degradationModel, &QAbstractItemModel::modelReset, noDrops, [this, noDrops] {
        const bool none = m_degradationModel->rowCount() == 0;
        noDrops->setVisible(none);
        m_degradationsView->setVisible(!none);
    });

    auto *grid = new QGridLayout(tab);
    grid->setContentsMargins(0, 4, 0, 0);
    grid->addWidget(m_tierTrend, 0, 0);
    grid->addWidget(m_fieldTrend, 0, 1);
    grid->addWidget(m_distribution, 1, 0);
    grid->addWidget(degradations, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 2);
    return tab;
}

QWidget *QualityPage::buildProfilerTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(u"profilerPerformanceTab"_s);
    m_runsPerDay->setSuggestedFileName(u"profiler-runs-per-day.png"_s);
    m_durations->setSuggestedFileName(u"profiler-durations.png"_s);
    auto *grid = new QGridLayout(tab);
    grid->setContentsMargins(0, 4, 0, 0);
    grid->addWidget(m_profilerSummary, 0, 0, 1, 2);
    grid->addWidget(m_runsPerDay, 1, 0);
    grid->addWidget(m_durations, 1, 1);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    grid->setRowStretch(1, 1);
    return tab;
}

QWidget *QualityPage::buildApprovalsTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(u"approvalWorkflowTab"_s);
    m_pending->setSuggestedFileName(u"approvals-pending-by-tier.png"_s);
    m_decisions->setSuggestedFileName(u"approvals-decisions-per-day.png"_s);
    auto *grid = new QGridLayout(tab);
    grid->setContentsMargins(0, 4, 0, 0);
    grid->addWidget(m_decisionTimeLabel, 0, 0, 1, 2);
    grid->addWidget(m_pending, 1, 0);
    grid->addWidget(m_decisions, 1, 1);
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(1, 3);
    grid->setRowStretch(1, 1);
    return tab;
}

ChartPanel *QualityPage::panel(const QString &name) const
{
    return findChild<ChartPanel *>(name + u"Panel"_s);
}

int QualityPage::periodDays() const
{
    return m_periodCombo->currentData().toInt();
}

void QualityPage::setPeriodDays(int days)
{
    const int index = m_periodCombo->findData(days);
    if (index >= 0)
        m_periodCombo->setCurrentIndex(index);
}

void QualityPage::selectField(const QString &canonicalKey)
{
    if (canonicalKey.isEmpty() || canonicalKey == m_fieldKey)
        return;
    m_fieldKey = canonicalKey;
    m_fieldCombo->setCurrentText(canonicalKey);
    request(true);
}

void QualityPage::reload()
{
    request(false);
}

void QualityPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        request(false);
}

void QualityPage::onFiguresChanged(const Event &event)
{
    if (event.tenantId != m_session.tenant().id)
        return;
    scheduleReload();
}

void QualityPage::onTenantChanged()
{
    m_fieldKey.clear();
    scheduleReload();
}

void QualityPage::scheduleReload()
{
    m_dirty = true;
    // A hidden page reads again when it is shown; a visible one after the burst.
    if (isVisible())
        m_reloadTimer->start();
}

void QualityPage::request(bool fieldOnly)
{
    using Part = QualityRequest::Part;
    QualityRequest next;
    next.generation = ++m_generation;
    next.tenantId = m_session.tenant().id;
    next.days = periodDays();
    next.fieldKey = m_fieldKey;
    // Answers to older requests are stale now: the runners drop them. A field trend
    // asked for alone spares the full request on its way, but not its field trend.
    m_fieldsRunner->discard(m_fieldOnlyJob);
    if (!fieldOnly) {
        m_dirty = false;
        m_reloadTimer->stop();
        m_activityRunner->discardAll();
        m_fieldsRunner->discardAll();
        m_assembling = QualitySnapshot();
        m_arrived = {};
    }
    m_latestField = next.generation;
    if (next.tenantId.isNull())
        return;
    m_statusLabel->setText(UiTr::tr("Loading…"));
    if (fieldOnly) {
        next.parts = Part::FieldTrend;
        send(*m_fieldsRunner, next);
        return;
    }
    next.parts = Part::Activity;
    send(*m_activityRunner, next);
    next.parts = QualityRequest::Parts(Part::Fields | Part::FieldTrend);
    send(*m_fieldsRunner, next);
}

void QualityPage::send(jobs::JobRunner &runner, const QualityRequest &request)
{
    const jobs::JobId job = runner.start(
        [request](jobs::JobContext &context) -> Result<QualitySnapshot> {
            return QualityLoader::read(context.database(), request, QDateTime::currentDateTimeUtc());
        },
        [this, request](const Result<QualitySnapshot> &result) {
            if (result) {
                onLoaded(result.value());
                return;
            }
            QualitySnapshot failed;
            failed.request = request;
            failed.error = UiTr::tr("The quality figures could not be read: %1").arg(result.error().text());
            onLoaded(failed);
        });
    if (request.fieldOnly())
        m_fieldOnlyJob = job;
}

void QualityPage::onLoaded(const QualitySnapshot &part)
{
    using Part = QualityRequest::Part;
    const quint64 generation = part.request.generation;
    if (part.request.fieldOnly()) {
        if (!part.error.isEmpty()) {
            m_statusLabel->setText(part.error);
            Q_EMIT failed(part.error);
            return;
        }
        presentFieldTrend(part);
        finishUpdate(generation);
        return;
    }
    if (!part.error.isEmpty()) {
        if (m_assembling.error.isEmpty()) {
            m_assembling.error = part.error;
            m_statusLabel->setText(part.error);
            Q_EMIT failed(part.error);
        }
        return;
    }

    // Both halves of a full request are put together and shown at once.
    if (part.request.parts.testFlag(Part::Activity)) {
        m_assembling.tierTrend = part.tierTrend;
        m_assembling.runsPerDay = part.runsPerDay;
    }
    if (part.request.parts.testFlag(Part::Fields)) {
        m_assembling.durations = part.durations;
        m_assembling.fields = part.fields;
        m_assembling.distribution = part.distribution;
        m_assembling.degradations = part.degradations;
        m_assembling.pending = part.pending;
        m_assembling.decisionsPerDay = part.decisionsPerDay;
        m_assembling.decisionTime = part.decisionTime;
    }
    if (part.request.parts.testFlag(Part::FieldTrend)) {
        m_assembling.fieldKey = part.fieldKey;
        m_assembling.fieldTrend = part.fieldTrend;
    }
    m_assembling.request = part.request;
    m_assembling.period = part.period;
    m_assembling.thresholds = part.thresholds;
    m_arrived |= part.request.parts;
    if (m_arrived != QualityRequest::Parts(Part::Activity | Part::Fields | Part::FieldTrend)
        || !m_assembling.error.isEmpty())
        return;
    present(m_assembling, generation == m_latestField);
    finishUpdate(generation);
}

void QualityPage::finishUpdate(quint64 generation)
{
    m_statusLabel->setText(
        UiTr::tr("Updated at %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    ++m_updates;
    Q_EMIT chartsUpdated(generation);
}

void QualityPage::present(const QualitySnapshot &snapshot, bool withFieldTrend)
{
    QualityCharts::showTierTrend(*m_tierTrend, snapshot);
    QualityCharts::showDistribution(*m_distribution, snapshot);
    m_degradationModel->setDegradations(snapshot.degradations);
    QualityCharts::showRunsPerDay(*m_runsPerDay, snapshot);
    QualityCharts::showDurations(*m_durations, snapshot);
    QualityCharts::showPending(*m_pending, snapshot);
    QualityCharts::showDecisions(*m_decisions, snapshot);

    int completed = 0;
    int failedRuns = 0;
    for (const quality::RunsDay &day : snapshot.runsPerDay) {
        completed += day.completed;
        failedRuns += day.failed;
    }
    const QLocale locale;
    const QString period = UiTr::tr("the last %1 days").arg(snapshot.request.days);
    m_profilerSummary->setText(
        completed + failedRuns == 0
            ? UiTr::tr("No profile runs in %1.").arg(period)
            : UiTr::tr("%1 runs in %2: %3 completed, %4 failed (%5 %).")
                  .arg(locale.toString(completed + failedRuns), period, locale.toString(completed),
                       locale.toString(failedRuns),
                       locale.toString(100.0 * failedRuns / std::max(1, completed + failedRuns), 'f', 1)));
    int pending = 0;
    for (const quality::PendingCount &row : snapshot.pending)
        pending += row.count;
    const quality::DecisionTime &time = snapshot.decisionTime;
    m_decisionTimeLabel->setText(
        time.medianSeconds
            ? UiTr::tr("Median time to decision: %1 over %n decision(s) in %2. %3 pending now.", nullptr,
                       time.decisions)
                  .arg(QualityCharts::durationText(*time.medianSeconds), period, locale.toString(pending))
            : UiTr::tr("No decisions in %1. %2 pending now.").arg(period, locale.toString(pending)));
    presentFieldList(snapshot);
    if (withFieldTrend)
        presentFieldTrend(snapshot);
}

void QualityPage::presentFieldTrend(const QualitySnapshot &snapshot)
{
    if (!snapshot.fieldKey.isEmpty() && m_fieldKey.isEmpty())
        m_fieldKey = snapshot.fieldKey;
    if (snapshot.fieldKey == m_fieldKey) {
        m_fieldCombo->setCurrentText(m_fieldKey);
        QualityCharts::showFieldTrend(*m_fieldTrend, snapshot);
    }
    m_fieldProfileButton->setEnabled(!m_fieldKey.isEmpty());
}

void QualityPage::presentFieldList(const QualitySnapshot &snapshot)
{
    QStringList current;
    for (int i = 0; i < m_fieldCombo->count(); ++i)
        current.append(m_fieldCombo->itemText(i));
    if (current == snapshot.fields)
        return;
    const QString shown = m_fieldCombo->currentText();
    m_fieldCombo->clear();
    m_fieldCombo->addItems(snapshot.fields);
    m_fieldCombo->setCurrentText(shown);
}

void QualityPage::showSelectedProfile()
{
    const QString key = m_degradationModel->keyAt(m_degradationsView->currentIndex().row());
    if (!key.isEmpty())
        Q_EMIT fieldProfileRequested(key);
}

} // namespace steward
