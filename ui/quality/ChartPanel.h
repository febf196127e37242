#pragma once

#include <QFrame>

class QChart;
class QChartView;
class QHBoxLayout;
class QLabel;
class QStackedLayout;
class QToolButton;

namespace steward {

// One chart of the Quality page: a title, optional controls beside it, the chart, a
// note in its place while it has nothing to show, and "Save as PNG…" (the button, the
// context menu, or Ctrl+S on the focused chart). Object names derive from `name`:
// <name>Panel, <name>ChartView, <name>SaveButton, <name>EmptyLabel.
class ChartPanel : public QFrame
{
    Q_OBJECT

public:
    ChartPanel(const QString &title, const QString &name, QWidget *parent = nullptr);

    QChart *chart() const;
    QChartView *view() const { return m_view; }
    // Explains what the chart shows, on its title.
    void setDescription(const QString &text);
    // Adds a control to the title row, right of the title.
    void addHeaderWidget(QWidget *widget);
    // A non-empty text replaces the chart with that note (nothing to show yet).
    void setEmptyText(const QString &text);
    bool isEmpty() const;
    // The file name proposed when saving, e.g. "quality-tier-trend.png".
    void setSuggestedFileName(const QString &fileName) { m_suggestedFileName = fileName; }

    // Renders the chart and writes it as PNG to `path` (atomically). Returns the reason
    // it failed, empty on success.
    QString saveImage(const QString &path) const;
    // Asks for a file (a non-modal-blocking dialog, opened with open()) and saves there.
    void chooseFileAndSave();

Q_SIGNALS:
    void saved(const QString &path);
    void saveFailed(const QString &message);

private:
    QString m_suggestedFileName;
    QLabel *m_title;
    QHBoxLayout *m_header;
    QChartView *m_view;
    QLabel *m_emptyLabel;
    QStackedLayout *m_stack;
    QToolButton *m_saveButton;
};

} // namespace steward
