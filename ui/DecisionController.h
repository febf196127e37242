#pragma once

#include "AppServices.h"
#include "DecisionInFlight.h"
#include "model/Approval.h"
#include "model/Error.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QWidget;

namespace steward {

class DecisionDialog;
class EventBus;
class Session;
namespace jobs {
class JobRunner;
}

// Turns "approve / reject / withdraw this request" into a dialog and a decision that
// runs on a worker thread with its own connection, so a busy database never freezes the
// window; the outcome arrives later. One decision at a time. Dialogs are opened
// window-modal with open(), never exec(), so no nested event loop runs and tests can
// answer them.
class DecisionController : public QObject
{
    Q_OBJECT

public:
    DecisionController(const AppServices &services, Session &session, QWidget *dialogParent);
    ~DecisionController() override; // waits for a decision on its way

    void approve(const Approval &approval);
    void reject(const Approval &approval);
    void withdraw(const Approval &approval);
    DecisionDialog *openDialog() const { return m_dialog; }
    const std::optional<DecisionInFlight> &inFlight() const { return m_inFlight; }

Q_SIGNALS:
    // A decision started or its outcome arrived (then decided() or failed() follows).
    void inFlightChanged();
    void decided(const steward::Approval &approval);
    void failed(const QString &message);

private:
    void openDecisionDialog(DecisionInFlight::Kind kind, const Approval &approval);
    void decide(DecisionInFlight::Kind kind, const Approval &approval, const QString &reason);

    EventBus &m_bus;
    Session &m_session;
    QWidget *m_dialogParent;
    jobs::JobRunner *m_runner;
    QPointer<DecisionDialog> m_dialog;
    std::optional<DecisionInFlight> m_inFlight;
};

} // namespace steward
