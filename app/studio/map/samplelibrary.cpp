// SPDX-License-Identifier: GPL-3.0-or-later
#include "samplelibrary.h"

#include "analysis/descriptoranalyzer.h"
#include "audio/audiofile.h"
#include "model/framegrid.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <exception>
#include <optional>
#include <vector>

namespace neurorack::studio {

namespace {
Q_LOGGING_CATEGORY(lcStudioMap, "neurorack.studio.map")
} // namespace

struct SampleLibrary::Job {
    QString folder;
    std::atomic<bool> cancelled{false};
    std::atomic<int> done{0};
    std::atomic<int> total{0};
};

struct SampleLibrary::Outcome {
    QList<SampleEntry> samples;
    QList<SampleError> errors;
    QString failure; ///< set when the import was refused
};

namespace {

/// What one worker produced for one file: a sample or an error.
struct FileResult {
    std::optional<SampleEntry> sample;
    std::optional<SampleError> error;
};

FileResult analyseFile(const QString &path, DescriptorAnalyzer &analyzer)
{
    FileResult result;
    auto clip = AudioFile::read(path);
    if (!clip) {
        result.error = SampleError{path, clip.errorString()};
        return result;
    }
    try {
        AudioClip audio = std::move(clip).value();
        SampleEntry entry;
        entry.path = path;
        entry.name = QFileInfo(path).completeBaseName();
        entry.duration = audio.duration();
        // As `neurorack preset from-audio` does: a preset covers at most kMaxDuration.
        const auto maxSamples = static_cast<std::size_t>(grid::kMaxDuration * grid::kSampleRate);
        if (audio.samples.size() > maxSamples)
            audio.samples.resize(maxSamples);
        entry.curves = analyzer.analyze(audio.samples);
        entry.summary = MapPoint::summarize(entry.curves);
        result.sample = std::move(entry);
    } catch (const std::exception &e) {
        result.error = SampleError{path, SampleLibrary::tr("%1: could not be analysed (%2)").arg(path, QString::fromLocal8Bit(e.what()))};
    }
    return result;
}

} // namespace

SampleLibrary::SampleLibrary(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFutureWatcher<Outcome>(this))
{
    m_progressTimer.setInterval(kProgressInterval);
    connect(&m_progressTimer, &QTimer::timeout, this, &SampleLibrary::reportProgress);
    connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, &SampleLibrary::onJobFinished);
}

SampleLibrary::~SampleLibrary()
{
    if (m_job) {
        m_job->cancelled = true;
        m_watcher->waitForFinished();
    }
}

QStringList SampleLibrary::audioSuffixes()
{
    // What libsndfile (behind AudioFile) reads.
    return {QStringLiteral("wav"),  QStringLiteral("wave"), QStringLiteral("bwf"),  QStringLiteral("w64"),
            QStringLiteral("rf64"), QStringLiteral("flac"), QStringLiteral("ogg"),  QStringLiteral("oga"),
            QStringLiteral("opus"), QStringLiteral("aif"),  QStringLiteral("aiff"), QStringLiteral("aifc"),
            QStringLiteral("au"),   QStringLiteral("snd"),  QStringLiteral("caf"),  QStringLiteral("mp3")};
}

bool SampleLibrary::isRunning() const
{
    return m_job != nullptr;
}

bool SampleLibrary::importFolder(const QString &folder)
{
    if (isRunning()) {
        Q_EMIT failed(tr("An import is already running; wait for it or cancel it first."));
        return false;
    }
    const QFileInfo info(folder);
    if (!info.exists() || !info.isDir()) {
        Q_EMIT failed(tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(folder)));
        return false;
    }
    m_job = std::make_shared<Job>();
    m_job->folder = info.absoluteFilePath();
    m_reportedDone = -1;
    m_reportedTotal = -1;
    qCDebug(lcStudioMap) << "importing samples from" << m_job->folder;
    m_watcher->setFuture(QtConcurrent::run(&SampleLibrary::run, m_job));
    m_progressTimer.start();
    return true;
}

void SampleLibrary::cancel()
{
    if (m_job)
        m_job->cancelled = true;
}

bool SampleLibrary::clear()
{
    if (isRunning())
        return false;
    m_samples.clear();
    m_errors.clear();
    m_folder.clear();
    return true;
}

SampleLibrary::Outcome SampleLibrary::run(const std::shared_ptr<Job> &job)
{
    Outcome outcome;
    const QStringList suffixes = audioSuffixes();
    QStringList paths;
    // Symbolic links are not followed: a link back up the tree would never end.
    QDirIterator it(job->folder, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        if (job->cancelled)
            return outcome;
        const QString path = it.next();
        if (!suffixes.contains(it.fileInfo().suffix().toLower()))
            continue;
        if (paths.size() >= kMaxFiles) {
            outcome.failure = tr("The folder %1 holds more than %2 audio files; choose a smaller folder.")
                                  .arg(QDir::toNativeSeparators(job->folder))
                                  .arg(kMaxFiles);
            return outcome;
        }
        paths.append(path);
    }
    paths.sort();
    const int total = static_cast<int>(paths.size());
    job->total = total;

    std::vector<FileResult> results(static_cast<std::size_t>(total));
    std::atomic<int> next{0};
    QThreadPool workers;
    const int threadCount = std::clamp(QThread::idealThreadCount(), 1, std::max(1, total));
    for (int t = 0; t < threadCount; ++t) {
        workers.start([&] {
            DescriptorAnalyzer analyzer; // one per thread: it keeps FFT plans and buffers
            for (int i = next++; i < total && !job->cancelled; i = next++) {
                results[static_cast<std::size_t>(i)] = analyseFile(paths[i], analyzer);
                ++job->done;
            }
        });
    }
    workers.waitForDone();

    for (FileResult &result : results) {
        if (result.sample)
            outcome.samples.append(std::move(*result.sample));
        else if (result.error)
            outcome.errors.append(std::move(*result.error));
    }
    return outcome;
}

void SampleLibrary::reportProgress()
{
    if (!m_job)
        return;
    const int done = m_job->done;
    const int total = m_job->total;
    if (done == m_reportedDone && total == m_reportedTotal)
        return;
    m_reportedDone = done;
    m_reportedTotal = total;
    Q_EMIT progress(done, total);
}

void SampleLibrary::onJobFinished()
{
    m_progressTimer.stop();
    reportProgress();
    const std::shared_ptr<Job> job = std::move(m_job);
    m_job.reset();
    Outcome outcome = m_watcher->result();
    if (!outcome.failure.isEmpty()) {
        qCWarning(lcStudioMap) << outcome.failure;
        Q_EMIT failed(outcome.failure);
        return;
    }
    if (job->cancelled) {
        qCInfo(lcStudioMap) << "sample import cancelled after" << job->done.load() << "of" << job->total.load() << "files";
        Q_EMIT finished(true);
        return;
    }
    m_samples = std::move(outcome.samples);
    m_errors = std::move(outcome.errors);
    m_folder = job->folder;
    qCInfo(lcStudioMap) << "imported" << m_samples.size() << "samples," << m_errors.size() << "unreadable files";
    Q_EMIT finished(false);
}

} // namespace neurorack::studio
