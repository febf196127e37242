#include "ApprovalDetailPane.h"

#include "ApprovalQueueModel.h"
#include "UiTr.h"
#include "profiler/ProfileRepository.h"
#include "profiler/RecentRunsModel.h"
#include "approval/ApprovalPolicy.h"
#include "diff/JsonPatch.h"
#include "diff/ReviewDocuments.h"
#include "json/JsonParser.h"
#include "review/ReviewView.h"
#include "review/ThreeWayModel.h"
#include "store/EntityRepository.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QFontMetrics>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace steward {

ApprovalDetailPane::ApprovalDetailPane(EntityRepository &entities, profiler::ProfileRepository &profiles,
                                       QWidget *parent)
    : QWidget(parent),
      m_entities(entities),
      m_profiles(profiles),
      m_titleLabel(new QLabel(this)),
      m_metaLabel(new QLabel(this)),
      m_decisionLabel(new QLabel(this)),
      m_staleLabel(new QLabel(this)),
      m_qualityLabel(new QLabel(this)),
      m_profileNowButton(new QPushButton(UiTr::tr("Profile &now"), this)),
      m_tabs(new QTabWidget(this)),
      m_review(new ReviewView(this)),
      m_threeWayModel(new ThreeWayModel(this)),
      m_threeWayView(new QTableView(this)),
      m_copyPatchButton(new QPushButton(UiTr::tr("Copy as JSON &Patch"), this)),
      m_approveButton(new QPushButton(UiTr::tr("&Approve…"), this)),
      m_rejectButton(new QPushButton(UiTr::tr("&Reject…"), this)),
      m_cancelButton(new QPushButton(UiTr::tr("&Withdraw request"), this)),
      m_decisionBusyBar(new QProgressBar(this)),
      m_decisionStatusLabel(new QLabel(this))
{
    setObjectName(u"approvalDetailPane"_s);
    m_titleLabel->setObjectName(u"detailTitleLabel"_s);
    m_metaLabel->setObjectName(u"detailMetaLabel"_s);
    m_decisionLabel->setObjectName(u"detailDecisionLabel"_s);
    m_staleLabel->setObjectName(u"staleWarningLabel"_s);
    m_qualityLabel->setObjectName(u"qualityLabel"_s);
    m_qualityLabel->setWordWrap(true); // never widen the pane at the expense of the queue
    m_profileNowButton->setObjectName(u"detailProfileNowButton"_s);
    m_profileNowButton->setToolTip(UiTr::tr("Measure the data behind this field now, in the background"));
    connect(m_profileNowButton, &QPushButton::clicked, this, [this] {
        if (const QString key = profiledFieldKey(); !key.isEmpty())
            Q_EMIT profileNowClicked(key);
    });
    m_tabs->setObjectName(u"reviewTabs"_s);
    m_threeWayView->setObjectName(u"threeWayView"_s);
    m_copyPatchButton->setObjectName(u"copyPatchButton"_s);
    m_approveButton->setObjectName(u"approveButton"_s);
    m_rejectButton->setObjectName(u"rejectButton"_s);
    m_cancelButton->setObjectName(u"cancelRequestButton"_s);
    m_decisionBusyBar->setObjectName(u"decisionBusyBar"_s);
    m_decisionStatusLabel->setObjectName(u"decisionStatusLabel"_s);
    m_decisionBusyBar->setRange(0, 0); // busy, with no end to show
    m_decisionBusyBar->setTextVisible(false);
    m_decisionBusyBar->setFixedWidth(72);
    m_decisionBusyBar->hide();
    // Takes the room the row has left, empty while no decision is on its way: its text
    // never widens the pane (and so never moves the splitter or the queue).
    m_decisionStatusLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_decisionStatusLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_titleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_metaLabel->setWordWrap(true);
    m_metaLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_decisionLabel->setWordWrap(true);
    m_staleLabel->setWordWrap(true);
    m_staleLabel->setStyleSheet(
        u"QLabel { background: #fff4ce; border: 1px solid #e0b400; border-radius: 4px; padding: 6px; }"_s);
    m_staleLabel->hide();

    m_threeWayView->setModel(m_threeWayModel);
    m_threeWayView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_threeWayView->setWordWrap(true);
    m_threeWayView->verticalHeader()->hide();
    m_threeWayView->horizontalHeader()->setStretchLastSection(true);
    m_threeWayView->setColumnWidth(ThreeWayModel::MarkColumn, 28);
    m_threeWayView->setColumnWidth(ThreeWayModel::PathColumn, 150);
    m_threeWayView->setColumnWidth(ThreeWayModel::RequestTimeColumn, 150);
    m_threeWayView->setColumnWidth(ThreeWayModel::LiveColumn, 150);

    m_tabs->addTab(m_review, UiTr::tr("Change"));
    m_tabs->addTab(m_threeWayView, UiTr::tr("Changed since request"));
    m_tabs->setTabEnabled(1, false);

    m_copyPatchButton->setToolTip(UiTr::tr("Copy the change as an RFC 6902 JSON Patch that turns the current "
                                           "state into the requested one"));
    connect(m_copyPatchButton, &QPushButton::clicked, this, &ApprovalDetailPane::copyPatch);
    connect(m_review, &ReviewView::resultShown, this, [this] { m_copyPatchButton->setEnabled(true); });
    connect(m_approveButton, &QPushButton::clicked, this, &ApprovalDetailPane::approveClicked);
    connect(m_rejectButton, &QPushButton::clicked, this, &ApprovalDetailPane::rejectClicked);
    connect(m_cancelButton, &QPushButton::clicked, this, &ApprovalDetailPane::cancelClicked);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_copyPatchButton);
    buttons->addWidget(m_decisionStatusLabel, 1);
    buttons->addWidget(m_decisionBusyBar);
    buttons->addWidget(m_rejectButton);
    buttons->addWidget(m_approveButton);
    m_approveButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_metaLabel);
    layout->addWidget(m_decisionLabel);
    layout->addWidget(m_staleLabel);
    auto *quality = new QHBoxLayout;
    quality->addWidget(m_qualityLabel, 1);
    quality->addWidget(m_profileNowButton);
    layout->addLayout(quality);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(buttons);

    showApproval(std::nullopt);
}

void ApprovalDetailPane::showApproval(const std::optional<Approval> &approval)
{
    const bool sameChange =
        m_approval && approval && m_approval->id == approval->id && m_approval->payload.identical(approval->payload)
        && m_approval->currentState.has_value() == approval->currentState.has_value()
        && (!m_approval->currentState || m_approval->currentState->identical(*approval->currentState));
    m_approval = approval;
    if (!sameChange) {
        m_copyPatchButton->setEnabled(false);
        if (m_approval)
            m_review->showChange(m_approval->currentState, m_approval->payload,
                                 diff::diffOptionsFor(m_approval->entityType));
        else
            m_review->clear();
    }
    updateHeader();
    updateQuality();
    updateStaleView(sameChange);
    updateButtons();
}

void ApprovalDetailPane::refreshQuality()
{
    updateQuality();
}

void ApprovalDetailPane::setDecisionInFlight(const std::optional<DecisionInFlight> &inFlight)
{
    m_inFlight = inFlight;
    updateButtons();
}

void ApprovalDetailPane::setViewer(const User &viewer)
{
    m_viewer = viewer;
    updateButtons();
}

void ApprovalDetailPane::updateHeader()
{
    if (!m_approval) {
        m_titleLabel->setText(UiTr::tr("No request selected"));
        m_metaLabel->setText(UiTr::tr("Select a change request in the queue to review it."));
        m_decisionLabel->hide();
        return;
    }
    const Approval &a = *m_approval;
    const QLocale locale;
    m_titleLabel->setText(a.entityKey);
    const QString kind = a.isCreate() ? UiTr::tr("new %1").arg(displayName(a.entityType)) : displayName(a.entityType);
    m_metaLabel->setText(UiTr::tr("%1 · %2 · %3 lane · requested by %4 on %5 · needs %6")
                             .arg(kind, toString(a.tier), displayName(a.lane), a.requestedBy,
                                  locale.toString(a.requestedAt.toLocalTime(), QLocale::ShortFormat),
                                  displayName(a.requiredRole)));
    if (a.isPending()) {
        m_decisionLabel->hide();
    } else {
        QString text = UiTr::tr("%1 by %2 on %3")
                           .arg(displayName(a.status), a.decidedBy,
                                locale.toString(a.decidedAt.toLocalTime(), QLocale::ShortFormat));
        if (!a.decisionReason.isEmpty())
            text += UiTr::tr(": “%1”").arg(a.decisionReason);
        m_decisionLabel->setText(text);
        m_decisionLabel->show();
    }
}

QString ApprovalDetailPane::profiledFieldKey() const
{
    if (!m_approval)
        return {};
    if (m_approval->entityType == EntityType::GlobalMetadata)
        return m_approval->entityKey;
    if (m_approval->entityType == EntityType::BusinessRule)
        return m_approval->requestedState().stringMember(u"appliesTo"_s);
    return {};
}

void ApprovalDetailPane::updateQuality()
{
    const QString key = profiledFieldKey();
    bool live = false;
    if (!key.isEmpty()) {
        auto field = m_entities.findByKey(m_approval->tenantId, EntityType::GlobalMetadata, key);
        live = field && field.value().has_value();
    }
    m_qualityLabel->setVisible(!key.isEmpty());
    m_profileNowButton->setVisible(live);
    if (key.isEmpty())
        return;
    auto latest = m_profiles.latest(m_approval->tenantId, key);
    if (!latest || !latest.value()) {
        m_qualityLabel->setText(live ? UiTr::tr("Data quality of %1: not profiled yet").arg(key)
                                     : UiTr::tr("Data quality: the field does not exist yet"));
        return;
    }
    const profiler::ProfileRun &run = *latest.value();
    const QString age = ageText(run.createdAt, QDateTime::currentDateTimeUtc());
    if (run.status != profiler::RunStatus::Completed || !run.metrics.qualityScore)
        m_qualityLabel->setText(UiTr::tr("Data quality of %1: last run %2 ago did not score (%3)")
                                    .arg(key, age, run.error.isEmpty() ? run.metrics.note : run.error));
    else
        m_qualityLabel->setText(UiTr::tr("Data quality of %1: <b>%2 (%3)</b> · complete %4 %, valid %5 % · "
                                         "profiled %6 ago")
                                    .arg(key.toHtmlEscaped(), percentText(run.metrics.qualityScore),
                                         run.metrics.qualityGrade, percentText(run.metrics.completeness),
                                         percentText(run.metrics.validity), age));
}

void ApprovalDetailPane::updateStaleView(bool keepTab)
{
    const int tab = m_tabs->currentIndex();
    m_staleReason.clear();
    m_staleLabel->hide();
    m_tabs->setTabEnabled(1, false);
    m_tabs->setCurrentIndex(0);
    if (!m_approval || !m_approval->isPending() || m_approval->isCreate())
        return;
    auto live = m_entities.findById(m_approval->tenantId, m_approval->entityType, m_approval->entityId);
    if (!live || !live.value()
        || !ApprovalPolicy::changedSinceRequest(*m_approval, live.value()->version, live.value()->document))
        return;
    const diff::ReviewDocuments documents = diff::reviewDocuments(m_approval->currentState, m_approval->payload);
    m_threeWayModel->setDocuments(*documents.before, live.value()->document, *documents.after);
    const int conflicts = m_threeWayModel->conflictCount();
    m_staleReason = m_approval->baseVersion ? UiTr::tr("%1 changed since the request was made (version %2, now %3)")
                                                  .arg(m_approval->entityKey)
                                                  .arg(*m_approval->baseVersion)
                                                  .arg(live.value()->version)
                                            : UiTr::tr("%1 changed since the request was made")
                                                  .arg(m_approval->entityKey);
    const QString conflictText = conflicts == 0
                                     ? UiTr::tr("The request and the newer change touch different fields.")
                                     : UiTr::tr("%n field(s) were changed both ways.", nullptr, conflicts);
    m_staleLabel->setText(UiTr::tr("⚠ %1. %2 Approving is refused until the requester resubmits against the "
                                   "live state; see “Changed since request”.")
                              .arg(m_staleReason, conflictText));
    m_staleLabel->show();
    m_tabs->setTabEnabled(1, true);
    if (keepTab)
        m_tabs->setCurrentIndex(tab);
}

void ApprovalDetailPane::copyPatch()
{
    const diff::DiffResult *result = m_review->result();
    if (!result || !result->after)
        return;
    const json::Node before = result->before ? *result->before : json::Node::null();
    QGuiApplication::clipboard()->setText(QString::fromUtf8(json::serialize(diff::toPatch(before, *result->after), true)));
}

void ApprovalDetailPane::updateButtons()
{
    QString decideRefusal;
    QString cancelRefusal;
    if (!m_approval) {
        decideRefusal = cancelRefusal = UiTr::tr("Select a request first.");
    } else {
        if (auto refused = ApprovalPolicy::checkDecider(*m_approval, m_viewer))
            decideRefusal = refused->text();
        if (auto refused = ApprovalPolicy::checkCancel(*m_approval, m_viewer.id))
            cancelRefusal = refused->text();
    }
    if (m_inFlight) // one decision at a time, and this window's is on its way
        decideRefusal = cancelRefusal = UiTr::tr("A decision on %1 is being recorded.").arg(m_inFlight->entityKey);
    const QString approveRefusal = decideRefusal.isEmpty() ? m_staleReason : decideRefusal;
    m_approveButton->setEnabled(approveRefusal.isEmpty());
    m_rejectButton->setEnabled(decideRefusal.isEmpty());
    m_approveButton->setToolTip(approveRefusal.isEmpty() ? UiTr::tr("Approve and apply this change (Ctrl+Shift+A)")
                                                         : approveRefusal);
    m_rejectButton->setToolTip(decideRefusal.isEmpty() ? UiTr::tr("Reject this change with a reason (Ctrl+Shift+R)")
                                                       : decideRefusal);
    m_cancelButton->setVisible(m_approval && m_approval->requestedBy == m_viewer.id && m_approval->isPending());
    m_cancelButton->setEnabled(cancelRefusal.isEmpty());
    m_cancelButton->setToolTip(cancelRefusal.isEmpty() ? UiTr::tr("Withdraw your own request") : cancelRefusal);
    updateDecisionProgress();
}

void ApprovalDetailPane::updateDecisionProgress()
{
    using Kind = DecisionInFlight::Kind;
    const bool here = m_inFlight && m_approval && m_inFlight->approvalId == m_approval->id;
    m_approveButton->setText(here && m_inFlight->kind == Kind::Approve ? UiTr::tr("Approving…")
                                                                        : UiTr::tr("&Approve…"));
    m_rejectButton->setText(here && m_inFlight->kind == Kind::Reject ? UiTr::tr("Rejecting…")
                                                                      : UiTr::tr("&Reject…"));
    m_cancelButton->setText(here && m_inFlight->kind == Kind::Withdraw ? UiTr::tr("Withdrawing…")
                                                                       : UiTr::tr("&Withdraw request"));
    const auto describe = [this](const QString &key) {
        switch (m_inFlight->kind) {
        case Kind::Approve: return UiTr::tr("Approving %1…").arg(key);
        case Kind::Reject: return UiTr::tr("Rejecting %1…").arg(key);
        case Kind::Withdraw: return UiTr::tr("Withdrawing %1…").arg(key);
        }
        return QString();
    };
    // A long key gives way in its middle, so the verb stays readable in a narrow pane;
    // the tooltip has it whole.
    const QFontMetrics metrics = m_decisionStatusLabel->fontMetrics();
    m_decisionStatusLabel->setText(
        m_inFlight ? describe(metrics.elidedText(m_inFlight->entityKey, Qt::ElideMiddle,
                                                 m_decisionStatusLabel->logicalDpiX()))
                   : QString());
    m_decisionStatusLabel->setToolTip(m_inFlight ? describe(m_inFlight->entityKey) : QString());
    m_decisionBusyBar->setVisible(m_inFlight.has_value());
}

} // namespace steward
