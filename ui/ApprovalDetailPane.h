#pragma once

#include "model/Approval.h"
#include "model/User.h"

#include <QWidget>

#include <optional>

class QLabel;
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
// disabled with a tooltip saying why when the user may not decide.
class ApprovalDetailPane : public QWidget
{
    Q_OBJECT

public:
    ApprovalDetailPane(EntityRepository &entities, profiler::ProfileRepository &profiles, QWidget *parent = nullptr);

    void showApproval(const std::optional<Approval> &approval);
    void setViewer(const User &viewer);
    const std::optional<Approval> &approval() const { return m_approval; }

Q_SIGNALS:
    void approveClicked();
    void rejectClicked();
    void cancelClicked();
    void profileNowClicked(const QString &canonicalKey);

private:
    void updateHeader();
    void updateButtons();
    void updateStaleView();
    void copyPatch();
    void updateQuality();
    QString profiledFieldKey() const;

    EntityRepository &m_entities;
    profiler::ProfileRepository &m_profiles;
    std::optional<Approval> m_approval;
    QString m_staleReason; // set while the live entity has moved on from the request
    User m_viewer;

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
};

} // namespace steward
