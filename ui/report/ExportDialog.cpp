#include "ExportDialog.h"

#include "ReportJob.h"
#include "Session.h"
#include "Settings.h"
#include "UiTr.h"
#include "jobs/JobRunner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

QString fileSlug(const QString &text)
{
    static const QRegularExpression unsafe(u"[^A-Za-z0-9]+"_s);
    QString slug = text;
    slug.replace(unsafe, u"-"_s);
    while (slug.startsWith(u'-'))
        slug.remove(0, 1);
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug.isEmpty() ? u"tenant"_s : slug;
}

} // namespace

ExportDialog::ExportDialog(const AppServices &services, Session &session, Settings &settings, QWidget *parent)
    : QDialog(parent), m_session(session), m_settings(settings),
      m_kindCombo(new QComboBox(this)), m_fromEdit(new QDateEdit(this)), m_toEdit(new QDateEdit(this)),
      m_formatCombo(new QComboBox(this)), m_sectionsBox(new QWidget(this)), m_destinationEdit(new QLineEdit(this)),
      m_browseButton(new QPushButton(UiTr::tr("&Choose…"), this)), m_progressBar(new QProgressBar(this)),
      m_statusLabel(new QLabel(this)), m_openReportButton(new QPushButton(UiTr::tr("&Open report"), this)),
      m_openFolderButton(new QPushButton(UiTr::tr("Show &folder"), this)),
      m_exportButton(new QPushButton(UiTr::tr("&Export"), this)),
      m_closeButton(new QPushButton(UiTr::tr("Close"), this)),
      m_runner(new jobs::JobRunner(u"report"_s, services.databaseUrl, this)),
      m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    setObjectName(u"exportDialog"_s);
    setWindowTitle(UiTr::tr("Export report"));
    m_kindCombo->setObjectName(u"kindCombo"_s);
    m_fromEdit->setObjectName(u"fromDateEdit"_s);
    m_toEdit->setObjectName(u"toDateEdit"_s);
    m_formatCombo->setObjectName(u"formatCombo"_s);
    m_sectionsBox->setObjectName(u"sectionsBox"_s);
    m_destinationEdit->setObjectName(u"destinationEdit"_s);
    m_browseButton->setObjectName(u"browseButton"_s);
    m_progressBar->setObjectName(u"progressBar"_s);
    m_statusLabel->setObjectName(u"statusLabel"_s);
    m_openReportButton->setObjectName(u"openReportButton"_s);
    m_openFolderButton->setObjectName(u"openFolderButton"_s);
    m_exportButton->setObjectName(u"exportButton"_s);
    m_closeButton->setObjectName(u"closeButton"_s);

    for (const report::ReportKind kind : {report::ReportKind::Approvals, report::ReportKind::Quality})
        m_kindCombo->addItem(report::displayName(kind), report::toString(kind));
    for (const report::ReportFormat format : report::allReportFormats())
        m_formatCombo->addItem(report::displayName(format), report::toString(format));
    for (QDateEdit *edit : {m_fromEdit, m_toEdit}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
    }
    m_destinationEdit->setClearButtonEnabled(true);
    m_destinationEdit->setMinimumWidth(380);
    m_progressBar->setRange(0, 100);
    m_progressBar->hide();
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_openReportButton->hide();
    m_openFolderButton->hide();
    m_exportButton->setDefault(true);

    auto *periodRow = new QHBoxLayout;
    periodRow->addWidget(m_fromEdit);
    periodRow->addWidget(new QLabel(UiTr::tr("to"), this));
    periodRow->addWidget(m_toEdit);
    periodRow->addWidget(new QLabel(UiTr::tr("(UTC days, both included)"), this));
    periodRow->addStretch(1);
    auto *destinationRow = new QHBoxLayout;
    destinationRow->addWidget(m_destinationEdit, 1);
    destinationRow->addWidget(m_browseButton);

    auto *form = new QFormLayout;
    form->addRow(UiTr::tr("&Report:"), m_kindCombo);
    form->addRow(UiTr::tr("&Period:"), periodRow);
    form->addRow(UiTr::tr("F&ormat:"), m_formatCombo);
    form->addRow(UiTr::tr("Sections:"), m_sectionsBox);
    form->addRow(UiTr::tr("&Save to:"), destinationRow);
    static_cast<QLabel *>(form->labelForField(periodRow))->setBuddy(m_fromEdit);
    static_cast<QLabel *>(form->labelForField(destinationRow))->setBuddy(m_destinationEdit);

    auto *resultRow = new QHBoxLayout;
    resultRow->addWidget(m_openReportButton);
    resultRow->addWidget(m_openFolderButton);
    resultRow->addStretch(1);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_exportButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_closeButton, QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_statusLabel);
    layout->addLayout(resultRow);
    layout->addStretch(1);
    layout->addWidget(buttons);

    restoreChoices();
    buildSections();
    updateSectionState();
    updateSuggestedPath();

    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, [this] {
        buildSections();
        updateSectionState();
        updateSuggestedPath();
    });
    connect(m_formatCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateSectionState();
        updateSuggestedPath();
    });
    connect(m_fromEdit, &QDateEdit::dateChanged, this, &ExportDialog::updateSuggestedPath);
    connect(m_toEdit, &QDateEdit::dateChanged, this, &ExportDialog::updateSuggestedPath);
    connect(m_browseButton, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_closeButton, &QPushButton::clicked, this, &ExportDialog::reject);
    connect(m_openReportButton, &QPushButton::clicked, this, [this] { m_openUrl(QUrl::fromLocalFile(m_writtenPath)); });
    connect(m_openFolderButton, &QPushButton::clicked, this,
            [this] { m_openUrl(QUrl::fromLocalFile(QFileInfo(m_writtenPath).absolutePath())); });
}

ExportDialog::~ExportDialog()
{
    // Closed with the window while a report runs: it stops at its next step and its
    // thread ends here, before the widgets its answer would touch.
    m_runner->shutdown();
}

bool ExportDialog::isRunning() const
{
    return m_runner->isBusy();
}

void ExportDialog::setUrlOpener(std::function<bool(const QUrl &)> opener)
{
    m_openUrl = std::move(opener);
}

void ExportDialog::reject()
{
    if (isRunning()) {
        // Stop first; the dialog closes once the job has cleaned up.
        m_closeWhenDone = true;
        cancelExport();
        return;
    }
    QDialog::reject();
}

report::ReportKind ExportDialog::kind() const
{
    return report::reportKindFromString(m_kindCombo->currentData().toString()).value_or(report::ReportKind::Approvals);
}

report::ReportFormat ExportDialog::format() const
{
    return report::reportFormatFromString(m_formatCombo->currentData().toString()).value_or(report::ReportFormat::Pdf);
}

report::ReportPeriod ExportDialog::period() const
{
    return report::ReportPeriod{m_fromEdit->date(), m_toEdit->date()};
}

QList<report::Section> ExportDialog::sections() const
{
    QList<report::Section> chosen;
    for (auto it = m_sectionChecks.cbegin(); it != m_sectionChecks.cend(); ++it) {
        if (it.value()->isChecked())
            chosen.append(it.key());
    }
    return chosen;
}

void ExportDialog::restoreChoices()
{
    const int kindIndex = m_kindCombo->findData(m_settings.value(Settings::Key::ExportKind).toString());
    m_kindCombo->setCurrentIndex(std::max(0, kindIndex));
    const int formatIndex = m_formatCombo->findData(m_settings.value(Settings::Key::ExportFormat).toString());
    m_formatCombo->setCurrentIndex(std::max(0, formatIndex));
    const int days = std::clamp(m_settings.value(Settings::Key::ExportPeriodDays).toInt(), 1, 3660);
    const report::ReportPeriod last = report::ReportPeriod::lastDays(days, QDateTime::currentDateTimeUtc());
    m_fromEdit->setDate(last.from);
    m_toEdit->setDate(last.to);
}

void ExportDialog::rememberChoices()
{
    m_settings.setValue(Settings::Key::ExportKind, report::toString(kind()));
    m_settings.setValue(Settings::Key::ExportFormat, report::toString(format()));
    // The sections of both kinds: those of the other kind keep their remembered state.
    QStringList remembered = m_settings.value(Settings::Key::ExportSections).toStringList();
    for (auto it = m_sectionChecks.cbegin(); it != m_sectionChecks.cend(); ++it) {
        const QString name = report::toString(it.key());
        remembered.removeAll(u"-"_s + name);
        remembered.removeAll(name);
        remembered.append(it.value()->isChecked() ? name : u"-"_s + name);
    }
    m_settings.setValue(Settings::Key::ExportSections, remembered);
    m_settings.setValue(Settings::Key::ExportDirectory, QFileInfo(m_destinationEdit->text()).absolutePath());
    m_settings.setValue(Settings::Key::ExportPeriodDays, int(m_fromEdit->date().daysTo(m_toEdit->date())) + 1);
}

void ExportDialog::buildSections()
{
    delete m_sectionsBox->layout();
    qDeleteAll(m_sectionChecks);
    m_sectionChecks.clear();
    // Remembered as names; "-name" is a section the user left out.
    const QStringList remembered = m_settings.value(Settings::Key::ExportSections).toStringList();
    auto *layout = new QHBoxLayout(m_sectionsBox);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const report::Section section : report::sectionsOf(kind())) {
        auto *check = new QCheckBox(report::displayName(section), m_sectionsBox);
        check->setObjectName(report::toString(section) + u"SectionCheckBox"_s);
        check->setChecked(!remembered.contains(u"-"_s + report::toString(section)));
        layout->addWidget(check);
        m_sectionChecks.insert(section, check);
    }
    layout->addStretch(1);
}

void ExportDialog::updateSectionState()
{
    const bool csv = format() == report::ReportFormat::Csv;
    m_sectionsBox->setEnabled(!csv);
    m_sectionsBox->setToolTip(csv ? UiTr::tr("A CSV file is one table: one row per decision (approvals) or per "
                                             "field (quality), so sections do not apply.")
                                  : QString());
}

void ExportDialog::updateSuggestedPath()
{
    QString folder = m_settings.value(Settings::Key::ExportDirectory).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    const report::ReportPeriod chosen = period();
    const QString name = u"%1-report_%2_%3_%4.%5"_s.arg(report::toString(kind()), fileSlug(m_session.tenant().name),
                                                        chosen.fromText(), chosen.toText(), report::toString(format()));
    const QString current = m_destinationEdit->text();
    if (current.isEmpty() || current == m_suggestedPath) {
        m_suggestedPath = QDir(folder).filePath(name);
        m_destinationEdit->setText(m_suggestedPath);
        return;
    }
    // A path of the user's own keeps its name; only a report suffix follows the format.
    const QFileInfo info(current);
    if (report::reportFormatFromString(info.suffix()) && info.suffix() != report::toString(format()))
        m_destinationEdit->setText(current.left(current.size() - info.suffix().size()) + report::toString(format()));
}

void ExportDialog::chooseFile()
{
    const QString suffix = report::toString(format());
    auto *chooser = new QFileDialog(this, UiTr::tr("Save report as"), m_destinationEdit->text(),
                                    UiTr::tr("%1 (*.%2)").arg(report::displayName(format()), suffix));
    chooser->setObjectName(u"exportFileDialog"_s);
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setDefaultSuffix(suffix);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this,
            [this](const QString &file) { m_destinationEdit->setText(QDir::toNativeSeparators(file)); });
    chooser->open();
}

void ExportDialog::startExport()
{
    if (isRunning())
        return;
    m_openReportButton->hide();
    m_openFolderButton->hide();
    const report::ReportPeriod chosen = period();
    if (!chosen.isValid())
        return showError(UiTr::tr("The period must start on or before its last day."));
    const QString path = QDir::fromNativeSeparators(m_destinationEdit->text().trimmed());
    if (path.isEmpty())
        return showError(UiTr::tr("Choose where to save the report."));
    const QFileInfo target(path);
    if (target.isDir())
        return showError(UiTr::tr("%1 is a folder; add a file name.").arg(QDir::toNativeSeparators(path)));
    if (!target.absoluteDir().exists())
        return showError(
            UiTr::tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(target.absolutePath())));
    report::ReportRequest request;
    request.kind = kind();
    request.format = format();
    request.tenantId = m_session.tenant().id;
    request.period = chosen;
    request.generatedBy = m_session.user().id;
    request.sections = sections();
    if (request.format != report::ReportFormat::Csv && request.sections.isEmpty())
        return showError(UiTr::tr("Choose at least one section."));

    // The job runs on the dialog's worker thread with its own connection; the GUI
    // thread only hears progress and the outcome.
    m_cancelling = false;
    setRunning(true);
    showStatus(UiTr::tr("Writing %1…").arg(QDir::toNativeSeparators(path)));
    m_job = m_runner->start(
        [request, path](jobs::JobContext &context) { return ReportJob::run(request, path, context); },
        [this](const Result<ReportJob::Written> &result) { onFinished(result); },
        [this](int percent) { onProgress(percent); });
}

void ExportDialog::cancelExport()
{
    if (!isRunning())
        return;
    m_cancelling = true;
    m_runner->cancel(m_job);
    m_closeButton->setEnabled(false);
    showStatus(UiTr::tr("Cancelling…"));
}

void ExportDialog::onProgress(int percent)
{
    m_progressBar->setValue(percent);
}

void ExportDialog::onFinished(const Result<ReportJob::Written> &result)
{
    m_job = 0;
    setRunning(false);

    // A cancelled report wrote nothing, whatever it answered on the way out.
    const bool cancelled = m_cancelling;
    m_cancelling = false;
    if (cancelled || !result) {
        m_progressBar->setValue(0);
        m_progressBar->hide();
    }
    if (cancelled) {
        showStatus(UiTr::tr("Cancelled; nothing was written."));
    } else if (!result) {
        showError(UiTr::tr("The report was not written: %1").arg(result.error().text()));
    } else {
        const QString &path = result.value().path;
        const qint64 decisions = result.value().decisions;
        m_writtenPath = path;
        rememberChoices();
        m_progressBar->setValue(100);
        QString what = report::displayName(kind());
        if (decisions == 0)
            what = UiTr::tr("%1 report (no decisions in this period; the report says so)").arg(what);
        else if (decisions > 0)
            what =
                UiTr::tr("%1 report with %n decision(s)", nullptr, int(std::min<qint64>(decisions, INT_MAX))).arg(what);
        else
            what = UiTr::tr("%1 report").arg(what);
        showStatus(
            UiTr::tr("%1 written to %2").arg(what, QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
        m_openReportButton->show();
        m_openFolderButton->show();
        m_openReportButton->setFocus();
    }
    if (m_closeWhenDone)
        QDialog::reject();
}

void ExportDialog::setRunning(bool running)
{
    for (QWidget *input : std::initializer_list<QWidget *>{m_kindCombo, m_fromEdit, m_toEdit, m_formatCombo,
                                                           m_destinationEdit, m_browseButton, m_exportButton})
        input->setEnabled(!running);
    m_sectionsBox->setEnabled(!running && format() != report::ReportFormat::Csv);
    m_closeButton->setEnabled(true);
    m_closeButton->setText(running ? UiTr::tr("Cancel") : UiTr::tr("Close"));
    m_progressBar->setVisible(running || m_progressBar->value() > 0);
    if (running)
        m_progressBar->setValue(0);
}

void ExportDialog::showError(const QString &message)
{
    m_statusLabel->setStyleSheet(u"QLabel { color: #a4262c; }"_s);
    m_statusLabel->setText(message);
}

void ExportDialog::showStatus(const QString &message)
{
    m_statusLabel->setStyleSheet(QString());
    m_statusLabel->setText(message);
}

} // namespace steward
