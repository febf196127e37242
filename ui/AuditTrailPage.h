#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace steward {

class AuditTrailModel;

// The audit-trail tab: events as they are published, filterable by type.
class AuditTrailPage : public QWidget
{
    Q_OBJECT

public:
    AuditTrailPage(AuditTrailModel &model, QWidget *parent = nullptr);

private:
    QLineEdit *m_filterEdit;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
};

} // namespace steward
