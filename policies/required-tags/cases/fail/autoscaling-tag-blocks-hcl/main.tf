provider "aws" {
  # default_tags do not reach an Auto Scaling group: only its own tag blocks count.
  default_tags {
    tags = { Owner = "platform" }
  }
}

resource "aws_autoscaling_group" "web" {
  min_size = 1
  max_size = 3

  tag {
    key                 = "Environment"
    value               = "prod"
    propagate_at_launch = true
  }
}
