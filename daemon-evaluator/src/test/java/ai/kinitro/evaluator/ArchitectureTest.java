package ai.kinitro.evaluator;

import ai.kinitro.testsupport.architecture.CommonArchitectureTest;

class ArchitectureTest extends CommonArchitectureTest {}
