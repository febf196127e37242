#pragma once

#include "DecisionInFlight.h"
#include "model/Approval.h"
#include "model/User.h"

#include <QWidget>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;

namespace steward {

class EntityRepository;
namespace profiler {
class ProfileRepository;
}
class ReviewView;
class ThreeWayModel;

// The selected request: its header, the review of what it changes (and, when the
// entity moved on since, a three-way comparison), and the decision buttons, which are
// disabled with a tooltip saying why when the user may not decide, and while a decision
// is on its way (with a busy bar and "Approving…" on the button pressed).
class ApprovalDetailPane : public QWidget
{
    Q_OBJECT

public:
    ApprovalDetailPane(EntityRepository &entities, profiler::ProfileRepository &profiles, QWidget *parent = nullptr);

    // Shows the request. The same request again (its decision arrived, a refresh) keeps
    // the review where the steward is reading it.
    void showApproval(const std::optional<Approval> &approval);
    void setViewer(const User &viewer);
    // Reads the field's latest score again (a profile run finished); nothing else moves.
    void refreshQuality();
    void setDecisionInFlight(const std::optional<DecisionInFlight> &inFlight);
    const std::optional<Approval> &approval() const { return m_approval; }

Q_SIGNALS:
    void approveClicked();
    void rejectClicked();
    void cancelClicked();
    void profileNowClicked(const QString &canonicalKey);

private:
    void updateHeader();
    void updateButtons();
    void updateDecisionProgress();
    void updateStaleView(bool keepTab = false);
    void copyPatch();
    void updateQuality();
    QString profiledFieldKey() const;

    EntityRepository &m_entities;
    profiler::ProfileRepository &m_profiles;
    std::optional<Approval> m_approval;
    QString m_staleReason; // set while the live entity has moved on from the request
    User m_viewer;
    std::optional<DecisionInFlight> m_inFlight;

    QLabel *m_titleLabel;
    QLabel *m_metaLabel;
    QLabel *m_decisionLabel;
    QLabel *m_staleLabel;
    QLabel *m_qualityLabel;
    QPushButton *m_profileNowButton;
    QTabWidget *m_tabs;
    ReviewView *m_review;
    ThreeWayModel *m_threeWayModel;
    QTableView *m_threeWayView;
    QPushButton *m_copyPatchButton;
    QPushButton *m_approveButton;
    QPushButton *m_rejectButton;
    QPushButton *m_cancelButton;
    QProgressBar *m_decisionBusyBar;
    QLabel *m_decisionStatusLabel;
};

} // namespace steward
