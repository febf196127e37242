#include "OverviewRuler.h"

#include "UiTr.h"

#include <QMouseEvent>
#include <QPainter>

#include <cmath>

using namespace Qt::StringLiterals;

namespace steward {

OverviewRuler::OverviewRuler(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"overviewRuler"_s);
    setToolTip(UiTr::tr("Where the changes are; click to jump"));
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
}

void OverviewRuler::setMarks(QList<Mark> marks)
{
    m_marks = std::move(marks);
    m_current = -1;
    update();
}

void OverviewRuler::setCurrent(int markIndex)
{
    m_current = markIndex;
    update();
}

QSize OverviewRuler::sizeHint() const
{
    return {12, 100};
}

void OverviewRuler::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::AlternateBase));
    const int usable = std::max(1, height() - 4);
    for (int i = 0; i < m_marks.size(); ++i) {
        const int y = 2 + int(std::lround(m_marks.at(i).position * usable));
        painter.fillRect(QRect(1, y - 1, width() - 2, 3), m_marks.at(i).color);
    }
    if (m_current >= 0 && m_current < m_marks.size()) {
        const int y = 2 + int(std::lround(m_marks.at(m_current).position * usable));
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.drawRect(QRect(0, y - 3, width() - 1, 6));
    }
}

void OverviewRuler::mousePressEvent(QMouseEvent *event)
{
    if (m_marks.isEmpty())
        return;
    const double position = std::clamp((event->position().y() - 2) / std::max(1, height() - 4), 0.0, 1.0);
    int nearest = 0;
    for (int i = 1; i < m_marks.size(); ++i) {
        if (std::abs(m_marks.at(i).position - position) < std::abs(m_marks.at(nearest).position - position))
            nearest = i;
    }
    Q_EMIT markClicked(nearest);
}

} // namespace steward
