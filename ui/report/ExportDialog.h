#pragma once

#include "AppServices.h"
#include "ReportJob.h"
#include "report/ReportTypes.h"

#include <QDialog>
#include <QMap>
#include <functional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QUrl;

namespace steward {

namespace jobs {
class JobRunner;
}
class Session;
class Settings;

// File > Export report…: choose the kind, period, format, sections and file, then the
// report is written on a worker thread (its own database connection) with a progress bar
// and Cancel. The last choices are remembered; a written report can be opened at once.
// Errors are shown in the dialog and leave the disk as it was.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const AppServices &services, Session &session, Settings &settings, QWidget *parent = nullptr);
    ~ExportDialog() override;

    // How a written report is opened (QDesktopServices::openUrl); tests put a recorder here.
    void setUrlOpener(std::function<bool(const QUrl &)> opener);
    bool isRunning() const;

public Q_SLOTS:
    void reject() override;

private:
    void buildSections();
    void restoreChoices();
    void rememberChoices();
    report::ReportKind kind() const;
    report::ReportFormat format() const;
    report::ReportPeriod period() const;
    QList<report::Section> sections() const;
    void updateSuggestedPath();
    void updateSectionState();
    void chooseFile();
    void startExport();
    void cancelExport();
    void onProgress(int percent);
    void onFinished(const Result<ReportJob::Written> &result);
    void setRunning(bool running);
    void showError(const QString &message);
    void showStatus(const QString &message);

    Session &m_session;
    Settings &m_settings;
    QComboBox *m_kindCombo;
    QDateEdit *m_fromEdit;
    QDateEdit *m_toEdit;
    QComboBox *m_formatCombo;
    QWidget *m_sectionsBox; // a checkbox per section of the chosen kind
    QMap<report::Section, QCheckBox *> m_sectionChecks;
    QLineEdit *m_destinationEdit;
    QPushButton *m_browseButton;
    QProgressBar *m_progressBar;
    QLabel *m_statusLabel;
    QPushButton *m_openReportButton;
    QPushButton *m_openFolderButton;
    QPushButton *m_exportButton;
    QPushButton *m_closeButton;
    QString m_suggestedPath; // what the destination held before the user typed their own
    QString m_writtenPath;
    jobs::JobRunner *m_runner; // its own thread and connection, idle until an export starts
    quint64 m_job = 0; // the running export's job id
    bool m_cancelling = false;
    bool m_closeWhenDone = false;
    std::function<bool(const QUrl &)> m_openUrl;
};

} // namespace steward
