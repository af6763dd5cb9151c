// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"
#include "model/descriptorcurves.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace neurorack {

/// What a model file says about itself (its neurorack.json) and how it was loaded.
struct ModelInfo {
    QString path;
    QString name;
    QString version;
    int sampleRate = 0;
    int hopLength = 0;
    QStringList descriptors;
    qint64 parameters = 0;
    QString trainedOn;
    QString licence;
    QString device;       ///< "cpu" or "cuda"
    double loadMs = 0.0;  ///< load and validation time
    QJsonObject metadata; ///< the whole neurorack.json
};

/// Renders descriptor curves to 48 kHz audio with a TorchScript impact model.
///
/// A façade: LibTorch stays inside impactengine.cpp, the one source file of the
/// project that includes its headers. Loading validates a model (its metadata, a short
/// forward pass, finite output of the right length) and keeps the previous model when a
/// new one fails. render() is safe to call from any thread; the model is locked only
/// around its forward pass.
class ImpactEngine
{
public:
    enum class Device { Auto, Cpu, Cuda };

    explicit ImpactEngine(Device device = Device::Auto);
    ~ImpactEngine();
    ImpactEngine(const ImpactEngine &) = delete;
    ImpactEngine &operator=(const ImpactEngine &) = delete;

    /// Loads and validates @p path; on failure the previous model stays in use and the
    /// error says what is wrong with the file.
    Result<ModelInfo> load(const QString &path);
    bool hasModel() const;
    std::optional<ModelInfo> model() const;

    /// 48 kHz mono audio for @p curves (frameCount × 240 samples). The noise sources are
    /// seeded with @p seed: the same curves and seed give the same audio.
    Result<std::vector<float>> render(const DescriptorCurves &curves, quint64 seed = 0);

    /// Intra-op threads for CPU inference (default 1: one impact per core).
    static void setThreads(int threads);
    /// Where the shipped model is looked for: $NEURORACK_MODEL, then models/ beside
    /// the build or install tree. Empty when none is found.
    static QString defaultModelPath();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace neurorack
