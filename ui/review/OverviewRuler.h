#pragma once

#include <QList>
#include <QWidget>

namespace steward {

// A thin strip beside the diff: one tick per change at its place in the document,
// so the reviewer sees where the changes cluster and can jump there with a click.
class OverviewRuler : public QWidget
{
    Q_OBJECT

public:
    struct Mark
    {
        double position = 0; // 0..1 in document order
        QColor color;
    };

    explicit OverviewRuler(QWidget *parent = nullptr);

    void setMarks(QList<Mark> marks);
    void setCurrent(int markIndex);
    QSize sizeHint() const override;

Q_SIGNALS:
    void markClicked(int markIndex);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    QList<Mark> m_marks;
    int m_current = -1;
};

} // namespace steward
