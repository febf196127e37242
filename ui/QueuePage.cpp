#include "QueuePage.h"

#include "ApprovalQueueModel.h"
#include "UiTr.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace steward {

QueuePage::QueuePage(ApprovalQueueModel &model, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_statusCombo(new QComboBox(this)),
      m_typeCombo(new QComboBox(this)),
      m_tierCombo(new QComboBox(this)),
      m_searchEdit(new QLineEdit(this)),
      m_searchDelay(new QTimer(this)),
      m_view(new QTableView(this))
{
    setObjectName(u"queuePage"_s);
    m_statusCombo->setObjectName(u"statusFilterCombo"_s);
    m_typeCombo->setObjectName(u"entityTypeFilterCombo"_s);
    m_tierCombo->setObjectName(u"tierFilterCombo"_s);
    m_searchEdit->setObjectName(u"searchEdit"_s);
    m_view->setObjectName(u"queueView"_s);

    for (const ApprovalStatus status : allApprovalStatuses())
        m_statusCombo->addItem(displayName(status), toString(status));
    m_statusCombo->addItem(UiTr::tr("All statuses"), QString());
    m_typeCombo->addItem(UiTr::tr("All types"), QString());
    for (const EntityType type : allEntityTypes())
        m_typeCombo->addItem(displayName(type), toString(type));
    m_tierCombo->addItem(UiTr::tr("All tiers"), QString());
    for (const Tier tier : allTiers())
        m_tierCombo->addItem(toString(tier), toString(tier));
    m_searchEdit->setPlaceholderText(UiTr::tr("Search key, requester or type (Ctrl+F)"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);

    // Connected before the view gets the model, so these run before its selection model
    // moves the current row up to the one above a removed current row: instead, the
    // request after it takes its place, as after a decision, and the one in between is
    // never announced.
    connect(&m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) {
                const int current = currentRow();
                if (current >= first && current <= last)
                    m_reselectRow = first;
            });
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_reselectRow < 0)
            return;
        const int row = m_reselectRow;
        m_reselectRow = -1;
        selectRow(row);
        announceCurrent();
    });
    m_view->setModel(&m_model);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(ApprovalQueueModel::AgeColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setHighlightSections(false);
    // Fixed widths from the font: ResizeToContents would make the view read every row.
    const auto width = [this](const QString &sample) { return m_view->fontMetrics().horizontalAdvance(sample) + 24; };
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ApprovalQueueModel::KeyColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(ApprovalQueueModel::EntityTypeColumn, width(u"Field definition"_s));
    m_view->setColumnWidth(ApprovalQueueModel::TierColumn, width(u"tier5"_s));
    m_view->setColumnWidth(ApprovalQueueModel::LaneColumn, width(u"Governed"_s));
    m_view->setColumnWidth(ApprovalQueueModel::RequestedByColumn, width(u"lena.fischer"_s));
    m_view->setColumnWidth(ApprovalQueueModel::AgeColumn, width(u"99 min"_s));
    m_view->setColumnWidth(ApprovalQueueModel::RequiredRoleColumn, width(u"Metadata steward"_s));
    m_view->setColumnWidth(ApprovalQueueModel::StatusColumn, width(u"Cancelled"_s));

    m_view->setColumnHidden(ApprovalQueueModel::StatusColumn, true); // the queue opens on pending only
    connect(m_statusCombo, &QComboBox::currentIndexChanged, this, &QueuePage::applyFilter);
    connect(m_typeCombo, &QComboBox::currentIndexChanged, this, &QueuePage::applyFilter);
    connect(m_tierCombo, &QComboBox::currentIndexChanged, this, &QueuePage::applyFilter);
    connect(m_searchEdit, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &QueuePage::applyFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (m_reselectRow < 0)
            announceCurrent();
    });
    connect(&m_model, &QAbstractItemModel::modelReset, this, &QueuePage::announceCurrent);
    // The selected request changed in place (someone decided it, with all statuses shown).
    connect(&m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int current = currentRow();
                if (current >= topLeft.row() && current <= bottomRight.row())
                    Q_EMIT currentApprovalChanged(m_announced);
            });

    auto *bar = new QHBoxLayout;
    auto addLabelled = [&](const QString &text, QWidget *widget) {
        auto *label = new QLabel(text, this);
        label->setBuddy(widget);
        bar->addWidget(label);
        bar->addWidget(widget);
    };
    addLabelled(UiTr::tr("&Status:"), m_statusCombo);
    addLabelled(UiTr::tr("T&ype:"), m_typeCombo);
    addLabelled(UiTr::tr("T&ier:"), m_tierCombo);
    bar->addWidget(m_searchEdit, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
}

void QueuePage::applyFilter()
{
    ApprovalFilter filter;
    filter.status = approvalStatusFromString(m_statusCombo->currentData().toString());
    filter.entityType = entityTypeFromString(m_typeCombo->currentData().toString());
    filter.tier = tierFromString(m_tierCombo->currentData().toString());
    filter.text = m_searchEdit->text();
    m_model.setFilter(filter);
    // A column that says the same word on every row only takes room from the key.
    m_view->setColumnHidden(ApprovalQueueModel::StatusColumn, filter.status.has_value());
}

void QueuePage::announceCurrent()
{
    const QUuid current = currentApprovalId();
    if (current == m_announced)
        return;
    m_announced = current;
    Q_EMIT currentApprovalChanged(current);
}

QUuid QueuePage::currentApprovalId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model.approvalIdAt(current.row()) : QUuid();
}

int QueuePage::currentRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void QueuePage::selectRow(int row)
{
    if (m_model.rowCount() == 0)
        return;
    row = std::clamp(row, 0, m_model.rowCount() - 1);
    m_view->setCurrentIndex(m_model.index(row, ApprovalQueueModel::KeyColumn));
    m_view->scrollTo(m_view->currentIndex());
}

void QueuePage::focusSearch()
{
    m_searchEdit->setFocus();
    m_searchEdit->selectAll();
}

} // namespace steward
