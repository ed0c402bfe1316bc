/**
 * Reading and writing data files: the public API of `lib/io`, one line per module.
 *
 * Used by the data loaders of every study notebook. Readers throw {@link DataFormatError} for bad
 * input; writers are atomic (temporary file, fsync, rename).
 */
export { DataFormatError, quote, type DataFormatErrorInfo } from './io/errors'; // the error of every reader
export { writeFileAtomic, writeFileAtomicSync, withAtomicPath, AtomicWriter, type WriteData } from './io/atomic'; // crash-safe writes
export { convertArray, dtypeOf, parseDtype, shapeSize, toFloat64, DTYPES, type NdArray, type NumericArray, type NumericDtype } from './io/dtype'; // element types
export { readCsvChunks, readCsv, readCsvHeader, writeCsv, type CsvOptions, type CsvChunk, type CsvColumns, type CsvType, type WriteCsvOptions } from './io/csv'; // streamed CSV
export { readNpy, parseNpy, writeNpy, encodeNpy, type ReadNpyOptions, type WriteNpyOptions } from './io/npy'; // NumPy .npy
export { openHdf5, withHdf5, expectDataset, Hdf5File, type Hdf5Mode, type DatasetInfo, type DatasetExpectation, type WriteDatasetOptions, type AttrValue } from './io/hdf5'; // HDF5 via h5wasm
