// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mappoint.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <memory>

namespace neurorack::studio {

/// One analysed audio file of an imported folder.
struct SampleEntry {
    QString name;            ///< file name without its extension
    QString path;            ///< absolute path
    double duration = 0.0;   ///< seconds of audio in the file
    DescriptorCurves curves; ///< the analyzer's curves (first grid::kMaxDuration seconds)
    MapPoint summary;        ///< MapPoint::summarize(curves)
};

/// A file of an imported folder that could not be read, and why.
struct SampleError {
    QString path;    ///< absolute path
    QString message; ///< AudioFile's message, naming the file and the problem
};

/// Imports a folder of audio files for the descriptor map: finds every file with an
/// audio extension (recursively), reads it with AudioFile (any rate and channel count,
/// converted to 48 kHz mono), analyses its first grid::kMaxDuration seconds with the
/// DescriptorAnalyzer and sums it up as a MapPoint.
///
/// The work runs on a private thread pool, one analyzer per worker thread; the UI
/// thread only receives progress() and, at the end, the results. Unreadable files do
/// not stop an import: they are listed in errors(). A new import replaces the previous
/// results when it completes; a cancelled or failed one leaves them as they were.
class SampleLibrary : public QObject
{
    Q_OBJECT

public:
    /// A folder with more audio files than this is refused (the map stays responsive
    /// well past 10 000 points, but an import that large is most likely a mistake).
    static constexpr int kMaxFiles = 20000;
    /// How often progress() is reported while an import runs.
    static constexpr std::chrono::milliseconds kProgressInterval{50};

    explicit SampleLibrary(QObject *parent = nullptr);
    /// Cancels a running import and waits for its workers to stop.
    ~SampleLibrary() override;

    /// File extensions (lower case, without dot) that an import looks at.
    static QStringList audioSuffixes();

    /// Starts importing @p folder in the background. Returns false (and emits
    /// failed()) when an import is already running or the folder does not exist.
    bool importFolder(const QString &folder);
    /// Asks a running import to stop; finished(true) follows. Does nothing otherwise.
    void cancel();
    bool isRunning() const;

    /// The samples of the last completed import, sorted by path.
    const QList<SampleEntry> &samples() const { return m_samples; }
    /// The files of the last completed import that could not be read, sorted by path.
    const QList<SampleError> &errors() const { return m_errors; }
    /// The folder of the last completed import.
    QString folder() const { return m_folder; }
    /// Forgets the samples and errors (not allowed while running: returns false).
    bool clear();

Q_SIGNALS:
    /// @p done of @p total files read so far (total is 0 while the folder is scanned).
    void progress(int done, int total);
    /// The import ended: samples() and errors() hold its results, unless @p cancelled.
    void finished(bool cancelled);
    /// The import could not start or was refused (missing folder, too many files); the
    /// previous results are kept. @p message is for the user.
    void failed(const QString &message);

private:
    struct Job;
    struct Outcome;
    static Outcome run(const std::shared_ptr<Job> &job);
    void reportProgress();
    void onJobFinished();

    std::shared_ptr<Job> m_job;
    QFutureWatcher<Outcome> *m_watcher = nullptr;
    QTimer m_progressTimer;
    int m_reportedDone = -1;
    int m_reportedTotal = -1;
    QList<SampleEntry> m_samples;
    QList<SampleError> m_errors;
    QString m_folder;
};

} // namespace neurorack::studio
