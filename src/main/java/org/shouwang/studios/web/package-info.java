/** The pages and REST API of studios and education projects. */
package org.shouwang.studios.web;
