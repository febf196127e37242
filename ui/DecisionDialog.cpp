#include "DecisionDialog.h"

#include "UiTr.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace steward {

DecisionDialog::DecisionDialog(Decision decision, const Approval &approval, QWidget *parent)
    : QDialog(parent),
      m_decision(decision),
      m_approvalId(approval.id),
      m_reasonEdit(new QPlainTextEdit(this)),
      m_hintLabel(new QLabel(this))
{
    setObjectName(u"decisionDialog"_s);
    const bool reject = decision == Decision::Reject;
    setWindowTitle(reject ? UiTr::tr("Reject change request") : UiTr::tr("Approve change request"));

    auto *summary = new QLabel(
        (reject ? UiTr::tr("Reject the change to <b>%1</b> requested by %2?")
                : UiTr::tr("Approve and apply the change to <b>%1</b> requested by %2?"))
            .arg(approval.entityKey.toHtmlEscaped(), approval.requestedBy.toHtmlEscaped()),
        this);
    summary->setWordWrap(true);

    auto *reasonLabel = new QLabel(reject ? UiTr::tr("&Reason (required, shown to the requester):")
                                          : UiTr::tr("&Reason (optional):"),
                                   this);
    reasonLabel->setBuddy(m_reasonEdit);
    m_reasonEdit->setObjectName(u"reasonEdit"_s);
    m_reasonEdit->setTabChangesFocus(true);
    m_reasonEdit->setPlaceholderText(reject ? UiTr::tr("Why is this change refused? What would make it acceptable?")
                                            : UiTr::tr("Anything the audit trail should record"));
    m_hintLabel->setObjectName(u"reasonHintLabel"_s);
    m_hintLabel->setText(UiTr::tr("A rejection needs a reason."));
    m_hintLabel->setStyleSheet(u"color: #a4262c;"_s);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_confirmButton = buttons->button(QDialogButtonBox::Ok);
    m_confirmButton->setObjectName(u"confirmDecisionButton"_s);
    m_confirmButton->setText(reject ? UiTr::tr("Reject") : UiTr::tr("Approve"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reasonEdit, &QPlainTextEdit::textChanged, this, &DecisionDialog::updateConfirm);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(reasonLabel);
    layout->addWidget(m_reasonEdit);
    layout->addWidget(m_hintLabel);
    layout->addWidget(buttons);
    resize(460, 260);
    m_reasonEdit->setFocus();
    updateConfirm();
}

QString DecisionDialog::reason() const
{
    return m_reasonEdit->toPlainText().trimmed();
}

void DecisionDialog::updateConfirm()
{
    const bool missing = m_decision == Decision::Reject && reason().isEmpty();
    m_confirmButton->setEnabled(!missing);
    m_hintLabel->setVisible(missing);
}

} // namespace steward
