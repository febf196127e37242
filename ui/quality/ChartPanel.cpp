#include "ChartPanel.h"

#include "UiTr.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFileDialog>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QSaveFile>
#include <QStackedLayout>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace steward {

ChartPanel::ChartPanel(const QString &title, const QString &name, QWidget *parent)
    : QFrame(parent),
      m_suggestedFileName(name + u".png"_s),
      m_title(new QLabel(title, this)),
      m_header(new QHBoxLayout),
      m_view(new QChartView(this)),
      m_emptyLabel(new QLabel(this)),
      m_stack(new QStackedLayout),
      m_saveButton(new QToolButton(this))
{
    setObjectName(name + u"Panel"_s);
    m_view->setObjectName(name + u"ChartView"_s);
    m_emptyLabel->setObjectName(name + u"EmptyLabel"_s);
    m_saveButton->setObjectName(name + u"SaveButton"_s);
    setFrameShape(QFrame::StyledPanel);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setBuddy(m_view);

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFocusPolicy(Qt::StrongFocus);
    m_view->setMinimumSize(240, 170);
    m_view->setAccessibleName(title);
    QChart *chart = m_view->chart();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->layout()->setContentsMargins(0, 0, 0, 0);

    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setStyleSheet(u"QLabel { color: palette(mid); }"_s);

    auto *saveAction = new QAction(UiTr::tr("Save chart as PNG…"), this);
    saveAction->setObjectName(name + u"SaveAction"_s);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetShortcut);
    connect(saveAction, &QAction::triggered, this, &ChartPanel::chooseFileAndSave);
    m_view->addAction(saveAction);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_saveButton->setText(UiTr::tr("Save PNG…"));
    m_saveButton->setToolTip(UiTr::tr("Save this chart as a PNG image (Ctrl+S on the chart)"));
    m_saveButton->setAutoRaise(true);
    connect(m_saveButton, &QToolButton::clicked, this, &ChartPanel::chooseFileAndSave);

    m_header->setContentsMargins(0, 0, 0, 0);
    m_header->addWidget(m_title);
    m_header->addStretch(1);
    m_header->addWidget(m_saveButton);

    m_stack->addWidget(m_view);
    m_stack->addWidget(m_emptyLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);
    layout->addLayout(m_header);
    layout->addLayout(m_stack, 1);
}

QChart *ChartPanel::chart() const
{
    return m_view->chart();
}

void ChartPanel::setDescription(const QString &text)
{
    m_title->setToolTip(text);
    m_view->setAccessibleDescription(text);
}

void ChartPanel::addHeaderWidget(QWidget *widget)
{
    // Controls sit between the title's stretch and the save button.
    m_header->insertWidget(m_header->count() - 1, widget);
}

void ChartPanel::setEmptyText(const QString &text)
{
    m_emptyLabel->setText(text);
    m_stack->setCurrentWidget(text.isEmpty() ? static_cast<QWidget *>(m_view) : m_emptyLabel);
    m_saveButton->setEnabled(text.isEmpty());
}

bool ChartPanel::isEmpty() const
{
    return !m_emptyLabel->text().isEmpty();
}

QString ChartPanel::saveImage(const QString &path) const
{
    const QImage image = m_view->grab().toImage();
    if (image.isNull())
        return UiTr::tr("The chart could not be drawn.");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return UiTr::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    if (!image.save(&file, "PNG")) {
        file.cancelWriting();
        return UiTr::tr("Cannot write %1 as PNG.").arg(QDir::toNativeSeparators(path));
    }
    if (!file.commit())
        return UiTr::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

void ChartPanel::chooseFileAndSave()
{
    if (isEmpty())
        return;
    auto *dialog = new QFileDialog(this, UiTr::tr("Save chart as PNG"));
    dialog->setObjectName(u"saveChartDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilter(UiTr::tr("PNG images (*.png)"));
    dialog->setDefaultSuffix(u"png"_s);
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation));
    dialog->selectFile(m_suggestedFileName);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (const QString failed = saveImage(path); !failed.isEmpty())
            Q_EMIT saveFailed(failed);
        else
            Q_EMIT saved(path);
    });
    dialog->open();
}

} // namespace steward
