#include "AuditTrailPage.h"

#include "AuditTrailModel.h"
#include "UiTr.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace steward {

AuditTrailPage::AuditTrailPage(AuditTrailModel &model, QWidget *parent)
    : QWidget(parent),
      m_filterEdit(new QLineEdit(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTableView(this))
{
    setObjectName(u"auditTrailPage"_s);
    m_filterEdit->setObjectName(u"auditFilterEdit"_s);
    m_filterEdit->setPlaceholderText(UiTr::tr("Filter by event type, actor or subject"));
    m_filterEdit->setClearButtonEnabled(true);
    m_view->setObjectName(u"auditTrailView"_s);

    m_proxy->setSourceModel(&model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnWidth(AuditTrailModel::SeqColumn, 60);
    m_view->setColumnWidth(AuditTrailModel::TimeColumn, 150);
    m_view->setColumnWidth(AuditTrailModel::TypeColumn, 190);
    m_view->setColumnWidth(AuditTrailModel::ActorColumn, 120);
    m_view->setColumnWidth(AuditTrailModel::RoleColumn, 130);

    auto *filterLabel = new QLabel(UiTr::tr("&Filter:"), this);
    filterLabel->setBuddy(m_filterEdit);
    auto *bar = new QHBoxLayout;
    bar->addWidget(filterLabel);
    bar->addWidget(m_filterEdit, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
}

} // namespace steward
