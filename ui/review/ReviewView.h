#pragma once

#include "DiffJob.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTextBrowser;
class QTableView;
class QTreeView;
class QToolButton;

namespace steward {
namespace jobs {
class JobRunner;
}

class ChangeListModel;
class DiffTreeModel;
class OverviewRuler;

// Reviews one change: the aligned tree of both sides (or the flat change list), change
// counters, n/p navigation with an overview ruler, breadcrumbs, and copying a row's
// JSON Pointer. Large payloads are diffed on a worker thread; the view stays live.
class ReviewView : public QWidget
{
    Q_OBJECT

public:
    // Payloads at least this large (bytes of JSON text, both sides) are diffed off the
    // GUI thread.
    static constexpr qsizetype kBackgroundThreshold = 128 * 1024;

    explicit ReviewView(QWidget *parent = nullptr);
    ~ReviewView() override;

    // No `currentState`: a create.
    void showChange(const std::optional<json::Node> &currentState, const json::Node &payload,
                    const diff::DiffOptions &options = {});
    void clear();
    const diff::DiffResult *result() const;
    bool isComputing() const;

    void nextChange();
    void previousChange();
    void copyCurrentPointer();

Q_SIGNALS:
    void resultShown();

private:
    void present(const DiffComputation &computation);
    void selectChange(int changeIndex);
    void updateBreadcrumb();
    void updateInspector(const diff::DiffNode *node);
    void expandChanges();
    int currentChangeIndex() const;

    DiffTreeModel *m_treeModel;
    ChangeListModel *m_listModel;
    QLabel *m_countsLabel;
    QLabel *m_statusLabel;
    QLabel *m_breadcrumbLabel;
    QCheckBox *m_changesOnlyCheck;
    QCheckBox *m_listCheck;
    QToolButton *m_previousButton;
    QToolButton *m_nextButton;
    QToolButton *m_copyButton;
    QStackedWidget *m_stack;
    QTreeView *m_treeView;
    QTableView *m_listView;
    OverviewRuler *m_ruler;
    QTextBrowser *m_inspector;
    QList<const diff::DiffNode *> m_changes;
    int m_currentChange = -1;

    jobs::JobRunner *m_runner; // large payloads; a new change makes the older one stale
};

} // namespace steward
