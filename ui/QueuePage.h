#pragma once

#include <QUuid>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;
class QTimer;

namespace steward {

class ApprovalQueueModel;

// The approvals queue with its filter bar (status, entity type, tier, text). The steward's
// place survives changes to other rows; when the selected request leaves the queue (it
// was decided), the one after it takes its place.
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
    // Tells the current request, unless it is the one told last.
    void announceCurrent();

    ApprovalQueueModel &m_model;
    QComboBox *m_statusCombo;
    QComboBox *m_typeCombo;
    QComboBox *m_tierCombo;
    QLineEdit *m_searchEdit;
    QTimer *m_searchDelay;
    QTableView *m_view;
    QUuid m_announced;       // the request currentApprovalChanged last named
    int m_reselectRow = -1;  // while the current row is being removed: where the next one will be
};

} // namespace steward
