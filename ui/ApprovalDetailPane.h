#pragma once

#include "model/Approval.h"
#include "model/User.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace steward {

class EntityRepository;
class SideBySideDiffModel;

// The selected request: its header, current state against payload, and the decision
// buttons, which are disabled with a tooltip saying why when the user may not decide.
class ApprovalDetailPane : public QWidget
{
    Q_OBJECT

public:
    ApprovalDetailPane(EntityRepository &entities, QWidget *parent = nullptr);

    void showApproval(const std::optional<Approval> &approval);
    void setViewer(const User &viewer);
    const std::optional<Approval> &approval() const { return m_approval; }

Q_SIGNALS:
    void approveClicked();
    void rejectClicked();
    void cancelClicked();

private:
    void updateHeader();
    void updateButtons();
    void updateStaleBanner();

    EntityRepository &m_entities;
    std::optional<Approval> m_approval;
    User m_viewer;

    QLabel *m_titleLabel;
    QLabel *m_metaLabel;
    QLabel *m_decisionLabel;
    QLabel *m_staleLabel;
    QLabel *m_countsLabel;
    QCheckBox *m_changesOnlyCheck;
    SideBySideDiffModel *m_diffModel;
    QSortFilterProxyModel *m_changesOnlyProxy;
    QTableView *m_diffView;
    QPushButton *m_approveButton;
    QPushButton *m_rejectButton;
    QPushButton *m_cancelButton;
};

} // namespace steward
