"""Sessions (vicon): scheduling, hosting and joining video sessions between offices."""
