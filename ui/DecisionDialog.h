#pragma once

#include "model/Approval.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace steward {

// Asks for the reason of a decision. A rejection cannot be confirmed without one.
class DecisionDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Decision { Approve, Reject };

    DecisionDialog(Decision decision, const Approval &approval, QWidget *parent = nullptr);

    Decision decision() const { return m_decision; }
    QUuid approvalId() const { return m_approvalId; }
    QString reason() const;

private:
    void updateConfirm();

    Decision m_decision;
    QUuid m_approvalId;
    QPlainTextEdit *m_reasonEdit;
    QLabel *m_hintLabel;
    QPushButton *m_confirmButton;
};

} // namespace steward
