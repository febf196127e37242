#include "DecisionController.h"

#include "DecisionDialog.h"
#include "Session.h"
#include "UiTr.h"
#include "approval/ApprovalService.h"

#include <QAbstractButton>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace steward {

DecisionController::DecisionController(ApprovalService &service, Session &session, QWidget *dialogParent)
    : QObject(dialogParent), m_service(service), m_session(session), m_dialogParent(dialogParent)
{
}

void DecisionController::approve(const Approval &approval)
{
    openDecisionDialog(int(DecisionDialog::Decision::Approve), approval);
}

void DecisionController::reject(const Approval &approval)
{
    openDecisionDialog(int(DecisionDialog::Decision::Reject), approval);
}

void DecisionController::openDecisionDialog(int decision, const Approval &approval)
{
    if (m_dialog)
        return; // one decision at a time
    m_dialog = new DecisionDialog(DecisionDialog::Decision(decision), approval, m_dialogParent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this, dialog = m_dialog] {
        const Actor actor = m_session.actor();
        finish(dialog->decision() == DecisionDialog::Decision::Approve
                   ? m_service.approve(actor, dialog->approvalId(), dialog->reason())
                   : m_service.reject(actor, dialog->approvalId(), dialog->reason()));
    });
    m_dialog->open();
}

void DecisionController::withdraw(const Approval &approval)
{
    auto *box = new QMessageBox(QMessageBox::Question, UiTr::tr("Withdraw request"),
                                UiTr::tr("Withdraw your request to change %1? This cannot be undone.")
                                    .arg(approval.entityKey),
                                QMessageBox::Yes | QMessageBox::No, m_dialogParent);
    box->setObjectName(u"withdrawConfirmBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QUuid id = approval.id;
    connect(box, &QMessageBox::buttonClicked, this, [this, box, id](QAbstractButton *button) {
        if (box->standardButton(button) == QMessageBox::Yes)
            finish(m_service.cancel(m_session.actor(), id));
    });
    box->open();
}

void DecisionController::finish(const Result<Approval> &result)
{
    if (result)
        Q_EMIT decided(result.value());
    else
        Q_EMIT failed(result.error().text());
}

} // namespace steward
