#include "DecisionController.h"

#include "DecisionDialog.h"
#include "Session.h"
#include "UiTr.h"
#include "approval/ApprovalService.h"
#include "events/EventBus.h"
#include "jobs/JobRunner.h"

#include <QAbstractButton>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

// What a decision on the worker thread comes back with. The events are those its
// transaction committed: they are published even when the answer after the commit is an
// error, since what committed is true.
struct DecisionOutcome
{
    Result<Approval> decided;
    QList<Event> events;
};

Result<DecisionOutcome> runDecision(Database &database, DecisionInFlight::Kind kind, const Actor &actor,
                                    const QUuid &approvalId, const QString &reason)
{
    // The service publishes after its commit; on this thread that is a bus of its own,
    // whose events travel to the window's bus with the outcome.
    EventBus committed;
    QList<Event> events;
    QObject::connect(&committed, &EventBus::eventPublished, &committed,
                     [&events](const Event &event) { events.append(event); });
    ApprovalService service(database, committed);
    switch (kind) {
    case DecisionInFlight::Kind::Approve: return DecisionOutcome{service.approve(actor, approvalId, reason), events};
    case DecisionInFlight::Kind::Reject: return DecisionOutcome{service.reject(actor, approvalId, reason), events};
    case DecisionInFlight::Kind::Withdraw: return DecisionOutcome{service.cancel(actor, approvalId), events};
    }
    return Error::make(ErrorCode::Invalid, UiTr::tr("Unknown decision."));
}

} // namespace

DecisionController::DecisionController(const AppServices &services, Session &session, QWidget *dialogParent)
    : QObject(dialogParent),
      m_bus(services.bus),
      m_session(session),
      m_dialogParent(dialogParent),
      m_runner(new jobs::JobRunner(u"decisions"_s, services.databaseUrl, this))
{
}

DecisionController::~DecisionController()
{
    // A decision under way commits or not in its own transaction; its answer has nobody to go to.
    m_runner->shutdown();
}

void DecisionController::approve(const Approval &approval)
{
    openDecisionDialog(DecisionInFlight::Kind::Approve, approval);
}

void DecisionController::reject(const Approval &approval)
{
    openDecisionDialog(DecisionInFlight::Kind::Reject, approval);
}

void DecisionController::openDecisionDialog(DecisionInFlight::Kind kind, const Approval &approval)
{
    if (m_dialog || m_inFlight)
        return; // one decision at a time
    const bool rejecting = kind == DecisionInFlight::Kind::Reject;
    m_dialog = new DecisionDialog(rejecting ? DecisionDialog::Decision::Reject : DecisionDialog::Decision::Approve,
                                  approval, m_dialogParent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this,
            [this, kind, approval, dialog = m_dialog] { decide(kind, approval, dialog->reason()); });
    m_dialog->open();
}

void DecisionController::withdraw(const Approval &approval)
{
    if (m_inFlight)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, UiTr::tr("Withdraw request"),
                                UiTr::tr("Withdraw your request to change %1? This cannot be undone.")
                                    .arg(approval.entityKey),
                                QMessageBox::Yes | QMessageBox::No, m_dialogParent);
    box->setObjectName(u"withdrawConfirmBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, approval](QAbstractButton *button) {
        if (box->standardButton(button) == QMessageBox::Yes)
            decide(DecisionInFlight::Kind::Withdraw, approval, {});
    });
    box->open();
}

void DecisionController::decide(DecisionInFlight::Kind kind, const Approval &approval, const QString &reason)
{
    if (m_inFlight)
        return;
    m_inFlight = DecisionInFlight{kind, approval.id, approval.entityKey};
    Q_EMIT inFlightChanged();
    const Actor actor = m_session.actor();
    const QUuid approvalId = approval.id;
    m_runner->start(
        [kind, actor, approvalId, reason](jobs::JobContext &context) {
            return runDecision(context.database(), kind, actor, approvalId, reason);
        },
        [this](const Result<DecisionOutcome> &outcome) {
            m_inFlight.reset();
            Q_EMIT inFlightChanged();
            if (!outcome) {
                Q_EMIT failed(outcome.error().text());
                return;
            }
            m_bus.publish(outcome.value().events);
            if (outcome.value().decided)
                Q_EMIT decided(outcome.value().decided.value());
            else
                Q_EMIT failed(outcome.value().decided.error().text());
        });
}

} // namespace steward
