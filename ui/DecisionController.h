#pragma once

#include "model/Approval.h"
#include "model/Error.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace steward {

class ApprovalService;
class DecisionDialog;
class Session;

// Turns "approve / reject / withdraw this request" into a dialog and a service call,
// and reports the outcome. Dialogs are opened window-modal with open(), never exec(),
// so no nested event loop runs and tests can answer them.
class DecisionController : public QObject
{
    Q_OBJECT

public:
    DecisionController(ApprovalService &service, Session &session, QWidget *dialogParent);

    void approve(const Approval &approval);
    void reject(const Approval &approval);
    void withdraw(const Approval &approval);
    DecisionDialog *openDialog() const { return m_dialog; }

Q_SIGNALS:
    void decided(const steward::Approval &approval);
    void failed(const QString &message);

private:
    void openDecisionDialog(int decision, const Approval &approval);
    void finish(const Result<Approval> &result);

    ApprovalService &m_service;
    Session &m_session;
    QWidget *m_dialogParent;
    QPointer<DecisionDialog> m_dialog;
};

} // namespace steward
