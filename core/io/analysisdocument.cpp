// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysisdocument.h"

#include "io/documentcodec.h"
#include "model/framegrid.h"

#include <QCborArray>

#include <cmath>

namespace neurorack {

QString AnalysisDocument::unitOf(DescriptorId id)
{
    const QString unit = descriptor(id).unitString();
    return unit.isEmpty() ? QStringLiteral("0..1") : unit;
}

QCborMap AnalysisDocument::encode(const DescriptorCurves &curves, double durationSeconds)
{
    QCborMap descriptors;
    QCborMap units;
    for (const auto id : kAllDescriptors) {
        descriptors.insert(descriptor(id).keyString(), DocumentCodec::encodeCurve(curves.curve(id)));
        units.insert(descriptor(id).keyString(), unitOf(id));
    }
    return QCborMap{{QStringLiteral("sample_rate"), grid::kSampleRate},
                    {QStringLiteral("hop_length"), grid::kHopLength},
                    {QStringLiteral("frame_rate"), grid::kFrameRate},
                    {QStringLiteral("duration"), durationSeconds},
                    {QStringLiteral("frames"), curves.frameCount()},
                    {QStringLiteral("descriptors"), descriptors},
                    {QStringLiteral("units"), units}};
}

} // namespace neurorack
