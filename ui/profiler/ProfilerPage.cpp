#include "ProfilerPage.h"

#include "ProfileJobModel.h"
#include "RecentRunsModel.h"
#include "UiTr.h"
#include "profiler/ProfileScheduler.h"
#include "profiler/ProfilerService.h"
#include "store/EntityRepository.h"

#include <QApplication>
#include <QCompleter>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

// Draws a job's progress as a bar.
class ProgressDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 3, -2, -3);
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = index.data(ProfileJobModel::PercentRole).toInt();
        bar.text = index.data().toString();
        bar.textVisible = true;
        bar.state = option.state;
        QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter);
    }
};

void setUpTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
}

} // namespace

ProfilerPage::ProfilerPage(profiler::ProfilerService &service, profiler::ProfileScheduler &scheduler,
                           profiler::ProfileRepository &profiles, EntityRepository &entities, QWidget *parent)
    : QWidget(parent),
      m_service(service),
      m_scheduler(scheduler),
      m_entities(entities),
      m_jobModel(new ProfileJobModel(service, this)),
      m_runsModel(new RecentRunsModel(profiles, this)),
      m_fieldEdit(new QLineEdit(this)),
      m_profileNowButton(new QPushButton(UiTr::tr("&Profile now"), this)),
      m_runDueButton(new QPushButton(UiTr::tr("Profile everything &due"), this)),
      m_jobView(new QTableView(this)),
      m_cancelButton(new QPushButton(UiTr::tr("&Cancel job"), this)),
      m_runsView(new QTableView(this)),
      m_detailsView(new QTextBrowser(this))
{
    setObjectName(u"profilerPage"_s);
    m_fieldEdit->setObjectName(u"profileFieldEdit"_s);
    m_profileNowButton->setObjectName(u"profileNowButton"_s);
    m_runDueButton->setObjectName(u"runDueButton"_s);
    m_runDueButton->setToolTip(UiTr::tr("Queue every field whose tier interval has passed since its last profile"));
    m_jobView->setObjectName(u"jobQueueView"_s);
    m_cancelButton->setObjectName(u"cancelJobButton"_s);
    m_runsView->setObjectName(u"recentRunsView"_s);
    m_detailsView->setObjectName(u"runDetailsView"_s);

    m_fieldEdit->setPlaceholderText(UiTr::tr("Field key, e.g. gl.journal_line.amount"));
    m_fieldEdit->setClearButtonEnabled(true);
    m_profileNowButton->setToolTip(UiTr::tr("Measure the field now, even if it was profiled recently"));
    m_cancelButton->setEnabled(false);
    m_detailsView->setPlaceholderText(UiTr::tr("Select a run to see its per-rule results."));

    m_jobView->setModel(m_jobModel);
    setUpTable(m_jobView);
    m_jobView->setItemDelegateForColumn(ProfileJobModel::ProgressColumn, new ProgressDelegate(m_jobView));
    m_jobView->setColumnWidth(ProfileJobModel::FieldColumn, 260);
    m_runsView->setModel(m_runsModel);
    setUpTable(m_runsView);
    m_runsView->setColumnWidth(RecentRunsModel::FieldColumn, 230);
    m_runsView->verticalHeader()->setDefaultSectionSize(m_runsView->fontMetrics().height() + 8);
    for (int column = RecentRunsModel::StatusColumn; column < RecentRunsModel::WhenColumn; ++column)
        m_runsView->setColumnWidth(column, 74);

    connect(m_profileNowButton, &QPushButton::clicked, this, [this] { profileNow(m_fieldEdit->text().trimmed()); });
    connect(m_fieldEdit, &QLineEdit::returnPressed, m_profileNowButton, &QPushButton::click);
    connect(m_runDueButton, &QPushButton::clicked, this, [this] {
        auto queued = m_scheduler.runDue(m_tenantId);
        if (!queued)
            Q_EMIT failed(queued.error().text());
        else if (queued.value() == 0)
            Q_EMIT notice(UiTr::tr("Nothing is due: every field was profiled within its tier interval."));
        else
            Q_EMIT notice(UiTr::tr("%n field(s) queued for profiling.", nullptr, queued.value()));
    });
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (const quint64 id = m_jobModel->jobIdAt(m_jobView->currentIndex().row()))
            m_service.cancel(id);
    });
    connect(m_jobView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_cancelButton->setEnabled(current.isValid()); });
    connect(m_jobModel, &QAbstractItemModel::modelReset, this,
            [this] { m_cancelButton->setEnabled(m_jobView->currentIndex().isValid()); });
    connect(m_runsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ProfilerPage::showRunDetails);
    connect(&m_service, &profiler::ProfilerService::jobFinished, m_runsModel, &RecentRunsModel::reload);
    connect(m_runsModel, &RecentRunsModel::loadFailed, this, &ProfilerPage::failed);
    connect(&m_service, &profiler::ProfilerService::jobSkipped, this,
            [this](quint64, const QString &reason) { Q_EMIT notice(reason); });

    auto *startBar = new QHBoxLayout;
    auto *fieldLabel = new QLabel(UiTr::tr("Fi&eld:"), this);
    fieldLabel->setBuddy(m_fieldEdit);
    startBar->addWidget(fieldLabel);
    startBar->addWidget(m_fieldEdit, 1);
    startBar->addWidget(m_profileNowButton);
    startBar->addSpacing(12);
    startBar->addWidget(m_runDueButton);

    auto *queueBox = new QGroupBox(UiTr::tr("Queue"), this);
    auto *queueLayout = new QVBoxLayout(queueBox);
    queueLayout->addWidget(m_jobView);
    auto *queueButtons = new QHBoxLayout;
    queueButtons->addStretch(1);
    queueButtons->addWidget(m_cancelButton);
    queueLayout->addLayout(queueButtons);

    auto *runsBox = new QGroupBox(UiTr::tr("Recent runs"), this);
    auto *runsLayout = new QVBoxLayout(runsBox);
    auto *runsSplit = new QSplitter(Qt::Horizontal, runsBox);
    runsSplit->addWidget(m_runsView);
    runsSplit->addWidget(m_detailsView);
    runsSplit->setStretchFactor(0, 3);
    runsSplit->setStretchFactor(1, 2);
    runsLayout->addWidget(runsSplit);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(queueBox);
    split->addWidget(runsBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(startBar);
    layout->addWidget(split, 1);
}

void ProfilerPage::setTenant(const QUuid &tenantId)
{
    m_tenantId = tenantId;
    m_runsModel->setTenant(tenantId);
    auto keys = m_entities.keys(tenantId, EntityType::GlobalMetadata);
    auto *completer = new QCompleter(keys ? keys.value() : QStringList(), m_fieldEdit);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    delete m_fieldEdit->completer();
    m_fieldEdit->setCompleter(completer);
}

void ProfilerPage::profileNow(const QString &canonicalKey)
{
    if (canonicalKey.isEmpty()) {
        Q_EMIT failed(UiTr::tr("Enter the key of a field to profile."));
        return;
    }
    auto field = m_entities.findByKey(m_tenantId, EntityType::GlobalMetadata, canonicalKey);
    if (!field || !field.value()) {
        Q_EMIT failed(field ? UiTr::tr("There is no field \"%1\" in this tenant.").arg(canonicalKey)
                            : field.error().text());
        return;
    }
    m_service.request(m_tenantId, canonicalKey, profiler::Trigger::Manual, true, true);
}

void ProfilerPage::showField(const QString &canonicalKey)
{
    m_fieldEdit->setText(canonicalKey);
    for (int row = 0; row < m_runsModel->rowCount(); ++row) {
        if (const profiler::ProfileRun *run = m_runsModel->runAt(row); run && run->canonicalKey == canonicalKey) {
            m_runsView->setCurrentIndex(m_runsModel->index(row, RecentRunsModel::FieldColumn));
            m_runsView->scrollTo(m_runsView->currentIndex());
            return;
        }
    }
}

void ProfilerPage::showRunDetails()
{
    const profiler::ProfileRun *run = m_runsModel->runAt(m_runsView->currentIndex().row());
    if (!run) {
        m_detailsView->clear();
        return;
    }
    const profiler::ColumnMetrics &m = run->metrics;
    const QLocale locale;
    QString html = u"<h3>%1</h3>"_s.arg(run->canonicalKey.toHtmlEscaped());
    if (!run->error.isEmpty())
        html += u"<p style=\"color:#a4262c\">%1</p>"_s.arg(run->error.toHtmlEscaped());
    if (!m.note.isEmpty())
        html += u"<p>%1</p>"_s.arg(m.note.toHtmlEscaped());
    html += u"<table cellspacing=\"0\" cellpadding=\"3\">"_s;
    const auto line = [&html](const QString &name, const QString &value) {
        html += u"<tr><td>%1</td><td align=\"right\"><b>%2</b></td></tr>"_s.arg(name.toHtmlEscaped(),
                                                                                value.toHtmlEscaped());
    };
    line(UiTr::tr("Quality score"), u"%1 %2"_s.arg(percentText(m.qualityScore), m.qualityGrade));
    line(UiTr::tr("Completeness"), percentText(m.completeness));
    line(UiTr::tr("Uniqueness"), percentText(m.uniqueness));
    line(UiTr::tr("Validity"), percentText(m.validity));
    line(UiTr::tr("Rows measured"), locale.toString(m.rows));
    line(UiTr::tr("Non-null"), locale.toString(m.nonNull));
    line(UiTr::tr("Distinct"), m.distinctExact ? locale.toString(m.distinct)
                                               : UiTr::tr("≈ %1 (estimated)").arg(locale.toString(m.distinct)));
    html += u"</table>"_s;
    if (!m.rules.isEmpty()) {
        html += u"<h4>%1</h4><table cellspacing=\"0\" cellpadding=\"3\">"_s.arg(UiTr::tr("Rules"));
        for (const profiler::RuleOutcome &rule : m.rules) {
            html += u"<tr><td>%1</td><td>%2</td><td align=\"right\">%3</td></tr>"_s.arg(
                rule.ruleKey.toHtmlEscaped(), rule.ruleType.toHtmlEscaped(),
                UiTr::tr("%1 of %2 fail").arg(locale.toString(rule.violations), locale.toString(rule.checked)));
        }
        html += u"</table>"_s;
    }
    m_detailsView->setHtml(html);
}

} // namespace steward
