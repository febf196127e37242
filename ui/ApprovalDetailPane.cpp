#include "ApprovalDetailPane.h"

#include "SideBySideDiffModel.h"
#include "UiTr.h"
#include "approval/ApprovalPolicy.h"
#include "store/EntityRepository.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace steward {

ApprovalDetailPane::ApprovalDetailPane(EntityRepository &entities, QWidget *parent)
    : QWidget(parent),
      m_entities(entities),
      m_titleLabel(new QLabel(this)),
      m_metaLabel(new QLabel(this)),
      m_decisionLabel(new QLabel(this)),
      m_staleLabel(new QLabel(this)),
      m_countsLabel(new QLabel(this)),
      m_changesOnlyCheck(new QCheckBox(UiTr::tr("C&hanges only"), this)),
      m_diffModel(new SideBySideDiffModel(this)),
      m_changesOnlyProxy(new QSortFilterProxyModel(this)),
      m_diffView(new QTableView(this)),
      m_approveButton(new QPushButton(UiTr::tr("&Approve…"), this)),
      m_rejectButton(new QPushButton(UiTr::tr("&Reject…"), this)),
      m_cancelButton(new QPushButton(UiTr::tr("&Withdraw request"), this))
{
    setObjectName(u"approvalDetailPane"_s);
    m_titleLabel->setObjectName(u"detailTitleLabel"_s);
    m_metaLabel->setObjectName(u"detailMetaLabel"_s);
    m_decisionLabel->setObjectName(u"detailDecisionLabel"_s);
    m_staleLabel->setObjectName(u"staleWarningLabel"_s);
    m_countsLabel->setObjectName(u"diffCountsLabel"_s);
    m_changesOnlyCheck->setObjectName(u"changesOnlyCheckBox"_s);
    m_diffView->setObjectName(u"diffView"_s);
    m_approveButton->setObjectName(u"approveButton"_s);
    m_rejectButton->setObjectName(u"rejectButton"_s);
    m_cancelButton->setObjectName(u"cancelRequestButton"_s);

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

    m_changesOnlyProxy->setSourceModel(m_diffModel);
    m_changesOnlyProxy->setFilterRole(SideBySideDiffModel::KindRole);
    m_diffView->setModel(m_changesOnlyProxy);
    m_diffView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_diffView->setAlternatingRowColors(false);
    m_diffView->setWordWrap(true); // a steward must see the whole value, not an elided middle
    m_diffView->verticalHeader()->hide();
    m_diffView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_diffView->horizontalHeader()->setSectionResizeMode(SideBySideDiffModel::MarkColumn, QHeaderView::Fixed);
    m_diffView->horizontalHeader()->resizeSection(SideBySideDiffModel::MarkColumn, 28);
    m_diffView->horizontalHeader()->setSectionResizeMode(SideBySideDiffModel::FieldColumn,
                                                         QHeaderView::ResizeToContents);
    m_diffView->horizontalHeader()->setSectionResizeMode(SideBySideDiffModel::CurrentColumn, QHeaderView::Stretch);
    m_diffView->horizontalHeader()->setSectionResizeMode(SideBySideDiffModel::RequestedColumn, QHeaderView::Stretch);

    connect(m_changesOnlyCheck, &QCheckBox::toggled, this, [this](bool changesOnly) {
        // Unchanged rows have KindRole 0; hide them by matching any other kind.
        m_changesOnlyProxy->setFilterRegularExpression(changesOnly ? u"^[1-9]$"_s : QString());
    });
    connect(m_approveButton, &QPushButton::clicked, this, &ApprovalDetailPane::approveClicked);
    connect(m_rejectButton, &QPushButton::clicked, this, &ApprovalDetailPane::rejectClicked);
    connect(m_cancelButton, &QPushButton::clicked, this, &ApprovalDetailPane::cancelClicked);

    auto *diffBar = new QHBoxLayout;
    diffBar->addWidget(m_countsLabel, 1);
    diffBar->addWidget(m_changesOnlyCheck);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancelButton);
    buttons->addStretch(1);
    buttons->addWidget(m_rejectButton);
    buttons->addWidget(m_approveButton);
    m_approveButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_metaLabel);
    layout->addWidget(m_decisionLabel);
    layout->addWidget(m_staleLabel);
    layout->addLayout(diffBar);
    layout->addWidget(m_diffView, 1);
    layout->addLayout(buttons);

    showApproval(std::nullopt);
}

void ApprovalDetailPane::showApproval(const std::optional<Approval> &approval)
{
    m_approval = approval;
    if (m_approval)
        m_diffModel->setComparison(m_approval->currentState, m_approval->requestedState());
    else
        m_diffModel->clear();
    updateHeader();
    updateStaleBanner();
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
        m_countsLabel->clear();
        return;
    }
    const Approval &a = *m_approval;
    const QLocale locale;
    m_titleLabel->setText(a.entityKey);
    m_metaLabel->setText(
        UiTr::tr("%1 · %2 · %3 lane · requested by %4 on %5 · needs %6")
            .arg(displayName(a.entityType), toString(a.tier), displayName(a.lane), a.requestedBy,
                 locale.toString(a.requestedAt.toLocalTime(), QLocale::ShortFormat), displayName(a.requiredRole)));
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
    const FlatDiffCounts counts = m_diffModel->counts();
    if (a.isCreate())
        m_countsLabel->setText(UiTr::tr("New %1: %n field(s) proposed", nullptr, counts.added)
                                   .arg(displayName(a.entityType)));
    else
        m_countsLabel->setText(UiTr::tr("~ %1 changed   + %2 added   - %3 removed   (%4 unchanged)")
                                   .arg(counts.changed)
                                   .arg(counts.added)
                                   .arg(counts.removed)
                                   .arg(counts.unchanged));
}

void ApprovalDetailPane::updateStaleBanner()
{
    m_staleLabel->hide();
    if (!m_approval || !m_approval->isPending() || m_approval->isCreate() || !m_approval->baseVersion)
        return;
    auto live = m_entities.findById(m_approval->tenantId, m_approval->entityType, m_approval->entityId);
    if (!live || !live.value() || live.value()->version == *m_approval->baseVersion)
        return;
    m_staleLabel->setText(UiTr::tr("⚠ %1 changed since this request was made (version %2, now %3). "
                                   "Approving is refused until the requester resubmits against the live state.")
                              .arg(m_approval->entityKey)
                              .arg(*m_approval->baseVersion)
                              .arg(live.value()->version));
    m_staleLabel->show();
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
    m_approveButton->setEnabled(decideRefusal.isEmpty());
    m_rejectButton->setEnabled(decideRefusal.isEmpty());
    m_approveButton->setToolTip(decideRefusal.isEmpty() ? UiTr::tr("Approve and apply this change (Ctrl+Shift+A)")
                                                        : decideRefusal);
    m_rejectButton->setToolTip(decideRefusal.isEmpty() ? UiTr::tr("Reject this change with a reason (Ctrl+Shift+R)")
                                                       : decideRefusal);
    m_cancelButton->setVisible(m_approval && m_approval->requestedBy == m_viewer.id && m_approval->isPending());
    m_cancelButton->setEnabled(cancelRefusal.isEmpty());
    m_cancelButton->setToolTip(cancelRefusal.isEmpty() ? UiTr::tr("Withdraw your own request") : cancelRefusal);
}

} // namespace steward
