#pragma once

#include <QUuid>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;
class QTimer;

namespace steward {

class ApprovalQueueModel;

// The approvals queue with its filter bar (status, entity type, tier, text).
class QueuePage : public QWidget
{
    Q_OBJECT

public:
    QueuePage(ApprovalQueueModel &model, QWidget *parent = nullptr);

    QUuid currentApprovalId() const;
    int currentRow() const;
    // Selects `row`, clamped to the queue; nothing when the queue is empty.
    void selectRow(int row);
    void focusSearch();

Q_SIGNALS:
    void currentApprovalChanged(const QUuid &approvalId);

private:
    void applyFilter();

    ApprovalQueueModel &m_model;
    QComboBox *m_statusCombo;
    QComboBox *m_typeCombo;
    QComboBox *m_tierCombo;
    QLineEdit *m_searchEdit;
    QTimer *m_searchDelay;
    QTableView *m_view;
};

} // namespace steward
